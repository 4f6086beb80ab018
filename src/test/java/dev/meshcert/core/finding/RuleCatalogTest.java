package dev.meshcert.core.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Rule IDs are stable and documented: docs/rules.md must list exactly the catalog. */
class RuleCatalogTest {

  private static final Pattern ROW =
      Pattern.compile("^\\| `([A-Z0-9-]+)` \\| (ERROR|WARNING|INFO) \\|");

  @Test
  void ruleIdsAreUnique() {
    List<String> ids = RuleCatalog.all().stream().map(Rule::id).toList();
    assertEquals(ids.size(), new HashSet<>(ids).size(), ids::toString);
  }

  @Test
  void ruleIdsAreUpperCaseWordsWithDashes() {
    for (Rule r : RuleCatalog.all()) {
      assertTrue(r.id().matches("[A-Z0-9]+(-[A-Z0-9]+)+"), r.id());
    }
  }

  @Test
  void everyRuleConstantIsInTheCatalog() throws IllegalAccessException {
    Set<String> catalog = RuleCatalog.all().stream().map(Rule::id).collect(Collectors.toSet());
    for (Class<?> c :
        List.of(
            X509Rules.class,
            SvidRules.class,
            SvidSigningRules.class,
            ChainRules.class,
            IstioRules.class,
            LinkerdRules.class,
            IdentityRules.class,
            RotationRules.class)) {
      for (Field f : c.getDeclaredFields()) {
        if (f.getType() == Rule.class && Modifier.isStatic(f.getModifiers())) {
          f.setAccessible(true);
          String id = ((Rule) f.get(null)).id();
          assertTrue(catalog.contains(id), c.getSimpleName() + "." + f.getName() + " " + id);
        }
      }
    }
  }

  @Test
  void docsListEveryRuleWithItsSeverity() throws IOException {
    Map<String, String> documented = new LinkedHashMap<>();
    for (String line : Files.readAllLines(Path.of("docs/rules.md"))) {
      Matcher m = ROW.matcher(line);
      if (m.find()) {
        documented.put(m.group(1), m.group(2));
      }
    }
    Map<String, String> catalog = new LinkedHashMap<>();
    RuleCatalog.all().forEach(r -> catalog.put(r.id(), r.severity().name()));
    assertEquals(catalog, documented);
  }

  @Test
  void findsRuleById() {
    assertEquals(Severity.ERROR, RuleCatalog.byId("SVID-LEAF-CA").orElseThrow().severity());
    assertTrue(RuleCatalog.byId("NO-SUCH-RULE").isEmpty());
  }
}
