package dev.meshcert.kube.config;

import java.util.Optional;

/**
 * A kubeconfig context: a cluster, a user and a default namespace under one name.
 *
 * @param name the context name
 * @param cluster the cluster entry it names
 * @param user the user entry it names
 * @param namespace its default namespace, when set
 */
public record KubeContext(String name, String cluster, String user, Optional<String> namespace) {}
