package dev.meshcert.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.meshcert.testpki.TestPki;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.stream.StreamSupport;
import picocli.CommandLine;

/** Runs the CLI in-process with the test clock, capturing output, error and exit code. */
record CliRun(int exitCode, String out, String err) {

  static CliRun run(String... args) {
    return withStdin("", args);
  }

  static CliRun withStdin(String stdin, String... args) {
    return withStdin(stdin.getBytes(StandardCharsets.UTF_8), args);
  }

  static CliRun withStdin(byte[] stdin, String... args) {
    CommandLine cli = MeshCertCli.commandLine(new ByteArrayInputStream(stdin), TestPki.CLOCK);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  JsonObject json() {
    return JsonParser.parseString(out).getAsJsonObject();
  }

  /** The JSON report of the certificate with this SHA-256. */
  JsonObject certificate(String sha256) {
    return StreamSupport.stream(json().getAsJsonArray("certificates").spliterator(), false)
        .map(e -> e.getAsJsonObject())
        .filter(o -> o.get("sha256").getAsString().equals(sha256))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no certificate " + sha256 + " in " + out));
  }

  JsonArray array(String name) {
    return json().getAsJsonArray(name);
  }
}
