/**
 * Kubeconfig as kubectl reads it: the files named by {@code KUBECONFIG} merged (the first file to
 * define a name wins), else {@code ~/.kube/config}; contexts, clusters and users with their paths
 * resolved against the file that defined them; exec credential plugins run with a timeout.
 * Credentials are held in {@link dev.meshcert.kube.config.SecretText} so they never reach a log.
 */
package dev.meshcert.kube.config;
