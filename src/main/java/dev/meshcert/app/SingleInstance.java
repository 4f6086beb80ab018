package dev.meshcert.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One window per user: the first launch holds a file lock in the runtime folder and listens on a
 * loopback socket; a second launch finds the lock taken, sends its files (absolute paths) to that
 * socket and exits. The port and a random secret go in a file only the user can read, so other
 * local users cannot push files into the window. If anything fails the second launch simply opens
 * its own window.
 */
public final class SingleInstance implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SingleInstance.class);
  private static final String HELLO = "meshcert-open 1";
  private static final int TIMEOUT_MS = 3000;

  private final Path folder;
  private FileChannel lockChannel;
  private FileLock lock;
  private ServerSocket server;
  private Thread acceptor;

  /**
   * @param folder the runtime folder ({@link UserFolders#runtime()}); created when missing
   */
  public SingleInstance(Path folder) {
    this.folder = folder;
  }

  /**
   * Tries to become the first instance: takes the lock and starts listening for files.
   *
   * @param onFiles receives the files of later launches, on a background thread
   * @return true when this is the first instance; false when another holds the lock
   */
  public boolean becomePrimary(Consumer<List<Path>> onFiles) {
    try {
      Files.createDirectories(folder);
      lockChannel =
          FileChannel.open(
              folder.resolve("meshcert.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      lock = lockChannel.tryLock();
    } catch (IOException | OverlappingFileLockException e) {
      LOG.debug("single-instance lock unavailable: {}", e.toString());
      lock = null;
    }
    if (lock == null) {
      closeQuietly();
      return false;
    }
    try {
      server = new ServerSocket();
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      String secret = HexFormat.of().formatHex(seed());
      writePortFile(server.getLocalPort(), secret);
      acceptor = new Thread(() -> accept(secret, onFiles), "meshcert-single-instance");
      acceptor.setDaemon(true);
      acceptor.start();
    } catch (IOException e) {
      LOG.warn("could not listen for later launches: {}", e.toString());
    }
    return true;
  }

  /**
   * Sends files to the first instance.
   *
   * @return true when it took them (this launch can exit)
   */
  public boolean handOff(List<Path> files) {
    Optional<String[]> portFile = readPortFile();
    if (portFile.isEmpty()) {
      return false;
    }
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(
              InetAddress.getLoopbackAddress(), Integer.parseInt(portFile.get()[0])),
          TIMEOUT_MS);
      socket.setSoTimeout(TIMEOUT_MS);
      Writer w = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
      PrintWriter out = new PrintWriter(w);
      out.print(HELLO + "\n" + portFile.get()[1] + "\n");
      for (Path f : files) {
        out.print(f.toAbsolutePath().normalize() + "\n");
      }
      out.print("\n");
      out.flush();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      return "ok".equals(in.readLine());
    } catch (IOException | NumberFormatException e) {
      LOG.debug("hand-off to the running window failed: {}", e.toString());
      return false;
    }
  }

  @Override
  public void close() {
    if (server != null) {
      try {
        server.close();
      } catch (IOException e) {
        LOG.debug("closing the single-instance socket: {}", e.toString());
      }
    }
    if (lock != null) {
      try {
        Files.deleteIfExists(folder.resolve("meshcert.port"));
      } catch (IOException e) {
        LOG.debug("removing the port file: {}", e.toString());
      }
    }
    closeQuietly();
  }

  private void accept(String secret, Consumer<List<Path>> onFiles) {
    while (!server.isClosed()) {
      try (Socket client = server.accept()) {
        client.setSoTimeout(TIMEOUT_MS);
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        if (!HELLO.equals(in.readLine()) || !secret.equals(in.readLine())) {
          continue;
        }
        List<Path> files = new ArrayList<>();
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
          files.add(Path.of(line));
        }
        client.getOutputStream().write("ok\n".getBytes(StandardCharsets.UTF_8));
        client.getOutputStream().flush();
        onFiles.accept(List.copyOf(files));
      } catch (IOException | RuntimeException e) {
        if (!server.isClosed()) {
          LOG.debug("a later launch could not hand over its files: {}", e.toString());
        }
      }
    }
  }

  private void writePortFile(int port, String secret) throws IOException {
    Path file = folder.resolve("meshcert.port");
    Path tmp = folder.resolve("meshcert.port.tmp");
    Files.deleteIfExists(tmp);
    Files.createFile(tmp);
    try {
      Files.setPosixFilePermissions(
          tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Windows: the folder under %LOCALAPPDATA% is the user's own already
    }
    Files.writeString(tmp, port + "\n" + secret + "\n", StandardCharsets.UTF_8);
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private Optional<String[]> readPortFile() {
    try {
      List<String> lines =
          Files.readAllLines(folder.resolve("meshcert.port"), StandardCharsets.UTF_8);
      return lines.size() >= 2
          ? Optional.of(new String[] {lines.get(0).strip(), lines.get(1).strip()})
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static byte[] seed() {
    byte[] b = new byte[16];
    new SecureRandom().nextBytes(b);
    return b;
  }

  private void closeQuietly() {
    try {
      if (lock != null) {
        lock.release();
      }
      if (lockChannel != null) {
        lockChannel.close();
      }
    } catch (IOException e) {
      LOG.debug("releasing the single-instance lock: {}", e.toString());
    }
    lock = null;
    lockChannel = null;
  }
}
