/**
 * The only package that talks to Kubernetes, through the official client, read-only: one {@code
 * ApiClient} per context, every call with a timeout and cancellable, API objects turned into {@code
 * mesh} records here, and every {@code ApiException}/{@code IOException} turned into a {@link
 * dev.meshcert.kube.KubeFailure} that says what happened and what to try.
 */
package dev.meshcert.kube;
