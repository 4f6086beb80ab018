package dev.meshcert.core.read;

import java.io.IOException;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;

/**
 * Bounded ASN.1 handling for untrusted bytes. Before Bouncy Castle builds objects (recursively), an
 * iterative walk checks that every length fits inside its parent and that nesting stays under
 * {@link #MAX_DEPTH}, so absurd lengths and deep nesting become a message, not an {@code
 * OutOfMemoryError} or a {@code StackOverflowError}.
 */
final class Der {

  /** Real certificates and keystores nest a dozen levels; anything far deeper is an attack. */
  static final int MAX_DEPTH = 64;

  private static final int INDEFINITE = -1;

  private Der() {}

  /**
   * The total length (tag, length and contents) of the BER/DER object starting at {@code offset},
   * after checking its whole structure.
   *
   * @throws IOException saying what is wrong ("length beyond end of data", "nested deeper than 64
   *     levels")
   */
  static int objectLength(byte[] b, int offset, int limit) throws IOException {
    int[] ends = new int[MAX_DEPTH + 1];
    int depth = 0;
    int pos = offset;
    if (offset >= limit) {
      throw new IOException("no bytes");
    }
    do {
      if (depth > 0 && ends[depth - 1] == INDEFINITE && pos + 1 < limit && b[pos] == 0) {
        if (b[pos + 1] != 0) {
          throw new IOException("malformed end-of-contents at byte " + pos);
        }
        pos += 2;
        depth--;
      } else {
        int parentEnd = depth == 0 || ends[depth - 1] == INDEFINITE ? limit : ends[depth - 1];
        int tag = b[pos++] & 0xff;
        if ((tag & 0x1f) == 0x1f) {
          int n = 0;
          while (pos < parentEnd && (b[pos] & 0x80) != 0) {
            pos++;
            if (++n > 4) {
              throw new IOException("tag number too large at byte " + pos);
            }
          }
          pos++;
        }
        if (pos >= parentEnd) {
          throw new IOException("truncated: no length at byte " + pos);
        }
        int first = b[pos++] & 0xff;
        long length;
        if (first == 0x80) {
          if ((tag & 0x20) == 0) {
            throw new IOException("indefinite length on a primitive at byte " + (pos - 1));
          }
          length = INDEFINITE;
        } else if (first < 0x80) {
          length = first;
        } else {
          int n = first & 0x7f;
          if (n > 4) {
            throw new IOException("length of " + n + " bytes at byte " + (pos - 1));
          }
          length = 0;
          for (int i = 0; i < n; i++) {
            if (pos >= parentEnd) {
              throw new IOException("truncated length at byte " + pos);
            }
            length = (length << 8) | (b[pos++] & 0xff);
          }
        }
        if (length != INDEFINITE && pos + length > parentEnd) {
          throw new IOException(
              "length "
                  + length
                  + " at byte "
                  + pos
                  + " goes beyond the end of the data ("
                  + (parentEnd - pos)
                  + " bytes left)");
        }
        if ((tag & 0x20) != 0) {
          if (depth == MAX_DEPTH) {
            throw new IOException("ASN.1 nested deeper than " + MAX_DEPTH + " levels");
          }
          ends[depth++] = length == INDEFINITE ? INDEFINITE : (int) (pos + length);
        } else {
          pos += (int) length;
        }
      }
      while (depth > 0 && ends[depth - 1] == pos) {
        depth--;
      }
      if (depth > 0 && pos >= limit) {
        throw new IOException("truncated: data ends inside an ASN.1 object");
      }
    } while (depth > 0);
    return pos - offset;
  }

  /** Whether the bytes hold exactly one well-formed ASN.1 object. */
  static boolean isSingleObject(byte[] b) {
    try {
      return b.length > 1 && objectLength(b, 0, b.length) == b.length;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Parses exactly one ASN.1 object that fills {@code b}, after the structural check. */
  static ASN1Primitive parse(byte[] b) throws IOException {
    if (b.length == 0) {
      throw new IOException("no bytes");
    }
    int length = objectLength(b, 0, b.length);
    if (length != b.length) {
      throw new IOException("trailing data: " + (b.length - length) + " bytes after the object");
    }
    try (ASN1InputStream in = new ASN1InputStream(b, true)) {
      ASN1Primitive p = in.readObject();
      if (p == null) {
        throw new IOException("no ASN.1 object");
      }
      return p;
    } catch (StackOverflowError e) {
      throw new IOException("ASN.1 nested too deeply");
    } catch (RuntimeException e) {
      throw new IOException(message(e), e);
    }
  }

  /** The exception's message for a person, or its type when it has none. */
  static String message(Throwable e) {
    if (e instanceof StackOverflowError) {
      return "ASN.1 nested too deeply";
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }
}
