/** The only package that talks to Kubernetes, through the official client. Read-only. */
package dev.meshcert.kube;
