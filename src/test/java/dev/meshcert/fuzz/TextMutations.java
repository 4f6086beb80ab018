package dev.meshcert.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Mutations of text inputs: base64 damage, line endings, encodings, nesting, PEM armour. */
final class TextMutations {

  private static final String[] LABELS = {
    "CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE", "PKCS7", "CERTIFICATE REQUEST",
    "X509 CRL", "PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "ENCRYPTED PRIVATE KEY",
    "PUBLIC KEY", "EC PARAMETERS", "OPENSSH PRIVATE KEY", "", "CERTIFICATE-----",
  };

  private static final String[] NUMBERS = {
    "0", "-1", "99999999999999999999", "2147483648", "-2147483649", "1e400", "NaN", "0x10", "",
  };

  private static final int[] DEPTHS = {64, 100, 101, 255, 256, 1000, 10_000, 100_000};

  private static final Pattern NUMBER = Pattern.compile("-?\\d+");

  private final Random r;

  TextMutations(Random r) {
    this.r = r;
  }

  /** Damage to one base64 run: a bad letter, padding inside, letters lost, another wrap. */
  byte[] corruptBase64(byte[] b, StringBuilder recipe) {
    List<Base64Runs.Run> runs = Base64Runs.find(b);
    if (runs.isEmpty()) {
      return null;
    }
    Base64Runs.Run run = runs.get(r.nextInt(runs.size()));
    String text = latin1(b);
    String body = text.substring(run.start(), run.end());
    int at = r.nextInt(body.length());
    String changed;
    switch (r.nextInt(8)) {
      case 0 -> {
        changed =
            body.substring(0, at) + "!*-_.~\u00e9\0".charAt(r.nextInt(8)) + body.substring(at + 1);
        recipe.append("(bad-letter)");
      }
      case 1 -> {
        changed = body.substring(0, at) + "=" + body.substring(at);
        recipe.append("(inner-padding)");
      }
      case 2 -> {
        changed =
            body.substring(0, at) + body.substring(Math.min(body.length(), at + 1 + r.nextInt(3)));
        recipe.append("(lost-letters)");
      }
      case 3 -> {
        changed = body.replace('+', '-').replace('/', '_');
        recipe.append("(url-alphabet)");
      }
      case 4 -> {
        changed = body.replaceAll("\\s", "");
        recipe.append("(one-line)");
      }
      case 5 -> {
        String letters = body.replaceAll("\\s", "");
        int width = new int[] {1, 3, 76, 65, 1000}[r.nextInt(5)];
        changed = "\n" + String.join("\n", chunks(letters, width)) + "\n";
        recipe.append("(rewrap ").append(width).append(')');
      }
      case 6 -> {
        changed = body.substring(0, at) + " " + body.substring(at);
        recipe.append("(inner-space)");
      }
      default -> {
        changed = body.replaceAll("=+(\\s*)$", "$1");
        recipe.append("(no-padding)");
      }
    }
    return latin1(text.substring(0, run.start()) + changed + text.substring(run.end()));
  }

  /** CRLF, LF, CR only, trailing blanks, indentation, a missing final newline. */
  byte[] lineEndings(byte[] b, StringBuilder recipe) {
    String t = latin1(b);
    String out;
    switch (r.nextInt(7)) {
      case 0 -> out = t.replace("\r\n", "\n").replace("\n", "\r\n");
      case 1 -> out = t.replace("\r\n", "\n");
      case 2 -> out = t.replace("\r\n", "\n").replace('\n', '\r');
      case 3 -> out = t.replaceAll("(?m)$", " \t");
      case 4 -> out = t.replaceAll("(?m)^", "    ");
      case 5 -> out = t.stripTrailing();
      default -> out = t.replace("\n", "\n\n");
    }
    recipe.append("(variant)");
    return latin1(out);
  }

  /** Encodings and odd characters: BOM, UTF-16, NUL, invalid UTF-8, numbers, long lines. */
  byte[] tweak(byte[] b, StringBuilder recipe) {
    String t = latin1(b);
    int at = r.nextInt(t.length() + 1);
    switch (r.nextInt(10)) {
      case 0 -> {
        recipe.append("(bom)");
        return concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, b);
      }
      case 1 -> {
        recipe.append("(utf-16le)");
        String s = new String(b, StandardCharsets.UTF_8);
        return concat(new byte[] {(byte) 0xff, (byte) 0xfe}, s.getBytes(StandardCharsets.UTF_16LE));
      }
      case 2 -> {
        recipe.append("(invalid-utf8)");
        String bad =
            new String(
                new byte[] {
                  (byte) 0xc3, 0x28, (byte) 0xed, (byte) 0xa0, (byte) 0x80, (byte) 0xf8, 0
                },
                StandardCharsets.ISO_8859_1);
        return latin1(t.substring(0, at) + bad + t.substring(at));
      }
      case 3 -> {
        recipe.append("(number)");
        Matcher m = NUMBER.matcher(t);
        int count = 0;
        int target = r.nextInt(50);
        while (m.find()) {
          if (count++ == target) {
            return latin1(
                t.substring(0, m.start())
                    + NUMBERS[r.nextInt(NUMBERS.length)]
                    + t.substring(m.end()));
          }
        }
        return null;
      }
      case 4 -> {
        recipe.append("(long-line)");
        return latin1(
            t.substring(0, at) + "A".repeat(100_000 + r.nextInt(200_000)) + t.substring(at));
      }
      case 5 -> {
        recipe.append("(repeat-line)");
        int start = t.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
        int end = t.indexOf('\n', at);
        String line = t.substring(start, end < 0 ? t.length() : end) + "\n";
        int times = 2 + r.nextInt(line.length() > 100 ? 1000 : 20_000);
        return latin1(t.substring(0, start) + line.repeat(times) + t.substring(start));
      }
      case 6 -> {
        recipe.append("(http-prefix)");
        String status = r.nextBoolean() ? "200 OK" : "503 Service Unavailable";
        return latin1("HTTP/1.1 " + status + "\r\ncontent-type: application/json\r\n\r\n" + t);
      }
      case 7 -> {
        recipe.append("(yaml-separator)");
        return latin1(t.substring(0, at) + "\n---\n" + t.substring(at));
      }
      default -> {
        return pemArmour(t, recipe);
      }
    }
  }

  private byte[] pemArmour(String t, StringBuilder recipe) {
    String label = LABELS[r.nextInt(LABELS.length)];
    switch (r.nextInt(4)) {
      case 0 -> {
        recipe.append("(relabel ").append(label).append(')');
        return latin1(t.replaceFirst("(BEGIN|END) [A-Z0-9 ]+-----", "$1 " + label + "-----"));
      }
      case 1 -> {
        recipe.append("(no-end)");
        return latin1(t.replaceFirst("-----END [A-Z0-9 ]+-----", ""));
      }
      case 2 -> {
        recipe.append("(encrypted-headers)");
        return latin1(
            t.replaceFirst(
                "(-----BEGIN [A-Z0-9 ]+-----\r?\n)",
                "$1Proc-Type: 4,ENCRYPTED\nDEK-Info: DES-EDE3-CBC,0011223344556677\n\n"));
      }
      default -> {
        recipe.append("(bare-begin ").append(label).append(')');
        int at = r.nextInt(t.length() + 1);
        return latin1(t.substring(0, at) + "\n-----BEGIN " + label + "-----\n" + t.substring(at));
      }
    }
  }

  /** Deep nesting in the document's own syntax, inserted at a random place. */
  byte[] nest(byte[] b, StringBuilder recipe) {
    int depth = DEPTHS[r.nextInt(DEPTHS.length)];
    byte[] nested;
    switch (r.nextInt(5)) {
      case 0 -> nested = Nesting.jsonArrays(depth);
      case 1 -> nested = Nesting.jsonObjects(depth);
      case 2 -> nested = Nesting.yamlBlockSequences(depth);
      case 3 -> nested = Nesting.yamlFlowMappings(depth);
      default -> nested = Nesting.yamlAliasBomb(3 + r.nextInt(8));
    }
    recipe.append("(depth ").append(depth).append(')');
    int at = r.nextInt(b.length + 1);
    if (r.nextInt(3) == 0) {
      at = b.length;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + nested.length);
    out.write(b, 0, at);
    out.writeBytes(nested);
    out.write(b, at, b.length - at);
    return out.toByteArray();
  }

  private static List<String> chunks(String s, int width) {
    java.util.ArrayList<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < s.length(); i += width) {
      out.add(s.substring(i, Math.min(s.length(), i + width)));
    }
    return out;
  }

  static String latin1(byte[] b) {
    return new String(b, StandardCharsets.ISO_8859_1);
  }

  static byte[] latin1(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
