package dev.meshcert.cli;

import dev.meshcert.core.analysis.InspectionInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns command-line operands into inputs: {@code -} is standard input, a folder stands for the
 * regular files below it (sorted, hidden entries skipped), anything else is a file. Inputs larger
 * than the size limit are not read into memory at all.
 */
final class InputFiles {

  /** What was gathered: the inputs to inspect, and one line per operand that could not be read. */
  record Gathered(List<InspectionInput> inputs, List<String> failures) {}

  private static final int MAX_FOLDER_DEPTH = 32;

  private final InputStream stdin;
  private final long maxBytes;

  InputFiles(InputStream stdin, long maxBytes) {
    this.stdin = stdin;
    this.maxBytes = maxBytes;
  }

  Gathered gather(List<String> operands) {
    List<InspectionInput> inputs = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (String operand : operands) {
      if (operand.equals("-")) {
        readStdin(inputs, failures);
        continue;
      }
      Path path = Path.of(operand);
      if (Files.isDirectory(path)) {
        for (Path file : filesBelow(path, failures)) {
          readFile(file, inputs, failures);
        }
      } else {
        readFile(path, inputs, failures);
      }
    }
    return new Gathered(inputs, failures);
  }

  private List<Path> filesBelow(Path dir, List<String> failures) {
    try (Stream<Path> walk = Files.walk(dir, MAX_FOLDER_DEPTH)) {
      return walk.filter(p -> !hiddenBelow(dir, p)).filter(Files::isRegularFile).sorted().toList();
    } catch (IOException | RuntimeException e) {
      failures.add(dir + ": cannot list folder: " + reason(e));
      return List.of();
    }
  }

  private static boolean hiddenBelow(Path dir, Path p) {
    for (Path part : dir.relativize(p)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private void readFile(Path file, List<InspectionInput> inputs, List<String> failures) {
    try {
      long size = Files.size(file);
      if (size > maxBytes) {
        failures.add(file + ": " + tooLarge(size));
        return;
      }
      inputs.add(new InspectionInput(file.toString(), Files.readAllBytes(file)));
    } catch (IOException | RuntimeException e) {
      failures.add(file + ": " + reason(e));
    }
  }

  private void readStdin(List<InspectionInput> inputs, List<String> failures) {
    try {
      byte[] content = stdin.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (content.length > maxBytes) {
        failures.add("stdin: " + tooLarge(content.length) + " (stopped reading there)");
        return;
      }
      inputs.add(new InspectionInput("stdin", content));
    } catch (IOException e) {
      failures.add("stdin: " + reason(e));
    }
  }

  private String tooLarge(long size) {
    return "input of "
        + size
        + " bytes is larger than the limit of "
        + maxBytes / (1024 * 1024)
        + " MiB; nothing read";
  }

  /** A one-line reason a person understands, never a stack trace. */
  static String reason(Exception e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException fse && fse.getReason() != null) {
      return fse.getReason();
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().get();
  }
}
