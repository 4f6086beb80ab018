package dev.meshcert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {

  @TempDir Path dir;

  @Test
  void refusesAFileLargerThanTheLimitWithoutReadingIt() throws Exception {
    Path big = dir.resolve("big.pem");
    Files.write(big, new byte[2048]);

    InputFiles.Gathered g =
        new InputFiles(InputStream.nullInputStream(), 1024).gather(List.of(big.toString()));

    assertEquals(List.of(), g.inputs());
    assertTrue(g.failures().get(0).contains("larger than the limit"), g.failures().toString());
  }

  @Test
  void refusesStandardInputLargerThanTheLimit() {
    InputFiles files = new InputFiles(new ByteArrayInputStream(new byte[2048]), 1024);

    InputFiles.Gathered g = files.gather(List.of("-"));

    assertEquals(List.of(), g.inputs());
    assertTrue(g.failures().get(0).startsWith("stdin: "), g.failures().toString());
  }

  @Test
  void readsAFileAtTheLimit() throws Exception {
    Path exact = dir.resolve("exact.pem");
    Files.write(exact, new byte[1024]);

    InputFiles.Gathered g =
        new InputFiles(InputStream.nullInputStream(), 1024).gather(List.of(exact.toString()));

    assertEquals(1, g.inputs().size());
    assertEquals(1024, g.inputs().get(0).content().length);
  }

  @Test
  void anEmptyFolderGivesNoInputsAndNoFailures() throws Exception {
    Path empty = Files.createDirectory(dir.resolve("empty"));

    InputFiles.Gathered g =
        new InputFiles(InputStream.nullInputStream(), 1024).gather(List.of(empty.toString()));

    assertEquals(List.of(), g.inputs());
    assertEquals(List.of(), g.failures());
  }
}
