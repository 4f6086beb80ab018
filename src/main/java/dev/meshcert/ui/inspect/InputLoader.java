package dev.meshcert.ui.inspect;

import dev.meshcert.core.analysis.InspectionInput;
import dev.meshcert.core.read.InputReader;
import dev.meshcert.core.read.Source;
import dev.meshcert.ui.common.Messages;
import dev.meshcert.ui.common.ProgressReporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;

/**
 * Reads dropped or chosen files and folders into inputs. Folders are walked (hidden entries
 * skipped, which also skips the {@code ..data} links of mounted Kubernetes Secrets); files over the
 * size limit are not read. Runs off the FX thread.
 */
public final class InputLoader {

  /** Files larger than this are refused unread, as core's reader refuses them. */
  public static final long MAX_FILE_BYTES = InputReader.MAX_INPUT_BYTES;

  /** How deep folders are walked. */
  public static final int MAX_DEPTH = 8;

  /** How many files one folder may give. */
  public static final int MAX_FILES_PER_FOLDER = 5_000;

  private final Messages messages;
  private final long maxFileBytes;

  public InputLoader(Messages messages) {
    this(messages, MAX_FILE_BYTES);
  }

  InputLoader(Messages messages, long maxFileBytes) {
    this.messages = messages;
    this.maxFileBytes = maxFileBytes;
  }

  /** Reads these files, and the files in these folders. */
  public LoadResult load(List<Path> paths, ProgressReporter progress) {
    List<Source> failures = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    progress.update(0, -1, messages.get("status.listing"));
    for (Path p : paths) {
      Path path = p.toAbsolutePath().normalize();
      if (Files.isDirectory(path)) {
        files.addAll(list(path, failures));
      } else {
        files.add(path);
      }
    }
    List<InspectionInput> inputs = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      if (progress.isCancelled()) {
        throw new CancellationException();
      }
      Path file = files.get(i);
      progress.update(i, files.size(), messages.get("status.reading", file.getFileName()));
      read(file, inputs, failures);
    }
    List<String> names = new ArrayList<>();
    for (Path p : paths) {
      String folder = p.toAbsolutePath().normalize().toString();
      failures.stream().filter(f -> f.name().equals(folder)).forEach(f -> names.add(f.name()));
    }
    for (Path file : files) {
      names.add(file.toString());
    }
    return new LoadResult(inputs, failures, names);
  }

  private List<Path> list(Path folder, List<Source> failures) {
    try (Stream<Path> walk = Files.walk(folder, MAX_DEPTH)) {
      List<Path> files =
          walk.filter(p -> !hiddenBelow(folder, p))
              .filter(Files::isRegularFile)
              .sorted()
              .limit(MAX_FILES_PER_FOLDER + 1L)
              .toList();
      if (files.size() > MAX_FILES_PER_FOLDER) {
        failures.add(
            Source.unreadable(
                folder.toString(), messages.get("load.tooManyFiles", MAX_FILES_PER_FOLDER)));
        return files.subList(0, MAX_FILES_PER_FOLDER);
      }
      return files;
    } catch (IOException | java.io.UncheckedIOException e) {
      failures.add(
          Source.unreadable(folder.toString(), messages.get("load.folder", e.getMessage())));
      return List.of();
    }
  }

  private static boolean hiddenBelow(Path folder, Path p) {
    for (Path part : folder.relativize(p)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private void read(Path file, List<InspectionInput> inputs, List<Source> failures) {
    String name = file.toString();
    try {
      if (!Files.isRegularFile(file)) {
        failures.add(Source.unreadable(name, messages.get("load.notFound")));
        return;
      }
      long size = Files.size(file);
      if (size > maxFileBytes) {
        failures.add(Source.unreadable(name, messages.get("load.tooLarge", size, maxFileBytes)));
        return;
      }
      inputs.add(new InspectionInput(name, Files.readAllBytes(file)));
    } catch (IOException e) {
      failures.add(
          Source.unreadable(
              name, messages.get("load.io", e.getClass().getSimpleName(), e.getMessage())));
    }
  }
}
