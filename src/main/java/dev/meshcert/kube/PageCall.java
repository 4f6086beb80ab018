package dev.meshcert.kube;

import io.kubernetes.client.openapi.ApiException;
import okhttp3.Call;

/** Builds the call for one page of a list, given the continue token (null for the first). */
@FunctionalInterface
interface PageCall {
  Call build(String continueToken) throws ApiException;
}
