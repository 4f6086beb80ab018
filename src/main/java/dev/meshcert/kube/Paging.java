package dev.meshcert.kube;

import io.kubernetes.client.openapi.models.V1ListMeta;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Lists every page of a resource, following the continue token. */
final class Paging {

  private Paging() {}

  /** Items of every page and the resource version of the list. */
  record Listed<A>(List<A> items, String resourceVersion) {}

  static <L, A> List<A> listAll(
      ApiCalls calls,
      Operation op,
      PageCall pageCall,
      Type type,
      Function<L, List<A>> items,
      Function<L, V1ListMeta> meta,
      Cancellation cancellation)
      throws KubeException {
    return listWithVersion(calls, op, pageCall, type, items, meta, cancellation).items();
  }

  static <L, A> Listed<A> listWithVersion(
      ApiCalls calls,
      Operation op,
      PageCall pageCall,
      Type type,
      Function<L, List<A>> items,
      Function<L, V1ListMeta> meta,
      Cancellation cancellation)
      throws KubeException {
    List<A> out = new ArrayList<>();
    String token = null;
    String version = "";
    do {
      String current = token;
      L page = calls.execute(op, () -> pageCall.build(current), type, cancellation);
      if (page == null) {
        break;
      }
      List<A> pageItems = items.apply(page);
      if (pageItems != null) {
        out.addAll(pageItems);
      }
      V1ListMeta m = meta.apply(page);
      token = m == null ? null : m.getContinue();
      if (m != null && m.getResourceVersion() != null) {
        version = m.getResourceVersion();
      }
    } while (token != null && !token.isEmpty());
    return new Listed<>(out, version);
  }
}
