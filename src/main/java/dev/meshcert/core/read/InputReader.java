package dev.meshcert.core.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads any input this app understands, detecting the format from the content (never from the file
 * name). Readers given to the constructor are asked first (the {@code mesh} package adds Envoy and
 * ztunnel dumps), then the built-in ones in this order: PKCS#12, JKS/JCEKS, PKCS#7, DER,
 * kubeconfig, Kubernetes object, PEM, base64 DER. The first reader that accepts the content reads
 * it. Keys are matched to certificates of the same input. Thread-safe; never throws for bad input.
 */
public final class InputReader {

  /** Inputs larger than this (64 MiB) are refused without being read: bounded memory. */
  public static final long MAX_INPUT_BYTES = 64L * 1024 * 1024;

  private final List<FormatReader> readers;

  /**
   * @param extra readers asked before the built-in ones, in order
   */
  public InputReader(List<FormatReader> extra) {
    List<FormatReader> all = new ArrayList<>(extra);
    all.addAll(builtIn());
    this.readers = List.copyOf(all);
  }

  /** The built-in readers only. */
  public static InputReader standard() {
    return new InputReader(List.of());
  }

  /** The built-in readers in detection order. */
  public static List<FormatReader> builtIn() {
    return List.of(
        new Pkcs12Reader(),
        new JksReader(),
        new Pkcs7Reader(),
        new DerReader(),
        new KubeconfigReader(),
        new KubernetesObjectReader(),
        new PemReader(),
        new Base64DerReader());
  }

  /** Every reader in the order they are asked. */
  public List<FormatReader> readers() {
    return readers;
  }

  /**
   * Reads a file. Files over {@link #MAX_INPUT_BYTES} are refused before any byte is read.
   *
   * @return the source, named by the path as given; unreadable files give {@link Source#unreadable}
   */
  public Source read(Path file, PasswordProvider passwords) {
    String name = file.toString();
    try {
      if (Files.isDirectory(file)) {
        return Source.unreadable(name, "a folder, not a file");
      }
      long size = Files.size(file);
      if (size > MAX_INPUT_BYTES) {
        return Source.unreadable(name, tooLarge(size));
      }
      return read(name, Files.readAllBytes(file), passwords);
    } catch (NoSuchFileException e) {
      return Source.unreadable(name, "no such file");
    } catch (IOException | SecurityException e) {
      return Source.unreadable(name, "cannot read the file: " + Der.message(e));
    }
  }

  /**
   * Reads a stream (stdin, the clipboard) up to the size limit; more than that is refused. The
   * stream is not closed.
   */
  public Source read(String name, InputStream in, PasswordProvider passwords) {
    byte[] content;
    try {
      content = in.readNBytes((int) MAX_INPUT_BYTES + 1);
    } catch (IOException e) {
      return Source.unreadable(name, "cannot read: " + Der.message(e));
    }
    if (content.length > MAX_INPUT_BYTES) {
      return Source.unreadable(name, "input larger than the " + limit() + " limit: not read");
    }
    return read(name, content, passwords);
  }

  /** Reads content already in memory. */
  public Source read(String name, byte[] content, PasswordProvider passwords) {
    if (content.length == 0) {
      return Source.unreadable(name, "empty file: nothing to read");
    }
    if (content.length > MAX_INPUT_BYTES) {
      return Source.unreadable(name, tooLarge(content.length));
    }
    if (Sniff.blank(content)) {
      return Source.unreadable(name, "only whitespace: nothing to read");
    }
    for (FormatReader reader : readers) {
      boolean accepted;
      try {
        accepted = reader.accepts(content);
      } catch (RuntimeException | StackOverflowError e) {
        accepted = false;
      }
      if (accepted) {
        return KeyMatcher.match(readSafely(reader, name, content, passwords));
      }
    }
    return Source.unreadable(
        name, "not a certificate format this app reads: " + Sniff.describe(content));
  }

  private static Source readSafely(
      FormatReader reader, String name, byte[] content, PasswordProvider passwords) {
    try {
      return reader.read(name, content, passwords);
    } catch (RuntimeException | StackOverflowError e) {
      return new Source(
          name,
          reader.format(),
          List.of(),
          List.of(),
          List.of(),
          List.of(
              new ReadProblem(
                  "", "could not read as " + reader.format().label() + ": " + Der.message(e))));
    }
  }

  private static String tooLarge(long size) {
    return String.format(
        "file of %.1f MiB (%d bytes) is larger than the %s limit: not read",
        size / (1024.0 * 1024.0), size, limit());
  }

  private static String limit() {
    return (MAX_INPUT_BYTES / (1024 * 1024)) + " MiB";
  }
}
