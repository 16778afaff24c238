package facegate.gallery;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import facegate.core.AtomicFiles;
import facegate.core.ErrorCode;
import facegate.core.FaceException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * An append-only audit log of decisions, one JSON object per line ({@link AuditEntry}), in the
 * gallery folder ({@value #FILE_NAME}). Each {@link #append} is forced to disk before it returns,
 * so an entry that was appended survives a crash; the file is never rewritten or truncated.
 *
 * <p>A crash in the middle of a write can leave a partial last line: on open a newline is added
 * after it, and readers skip lines that are not a complete entry. Thread-safe.
 */
public final class AuditLog implements AutoCloseable {
  /** The log's file name inside the gallery folder. */
  public static final String FILE_NAME = "audit.log";

  private static final Gson GSON = new Gson();
  private final Path file;
  private final FileChannel channel;

  private AuditLog(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  /** Opens (creating when missing) the audit log {@value #FILE_NAME} in {@code folder}. */
  public static AuditLog open(Path folder) {
    Path file = folder.resolve(FILE_NAME);
    try {
      Files.createDirectories(folder);
      boolean created = !Files.exists(file);
      FileChannel channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
      AuditLog log = new AuditLog(file, channel);
      log.endPartialLine();
      if (created) {
        AtomicFiles.forceDirectory(folder);
      }
      return log;
    } catch (IOException e) {
      throw failed("cannot open the audit log " + file, e);
    }
  }

  private void endPartialLine() throws IOException {
    long size = channel.size();
    if (size == 0) {
      return;
    }
    ByteBuffer last = ByteBuffer.allocate(1);
    try (FileChannel reader = FileChannel.open(file, StandardOpenOption.READ)) {
      reader.read(last, size - 1);
    }
    if (last.get(0) != '\n') {
      write(new byte[] {'\n'});
    }
  }

  /** Appends {@code entry} and forces it to disk. */
  public synchronized void append(AuditEntry entry) {
    try {
      write((GSON.toJson(entry) + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw failed("cannot write the audit log " + file, e);
    }
  }

  private void write(byte[] bytes) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    channel.force(false);
  }

  /** The last {@code limit} entries of the log in {@code folder}, oldest first. */
  public static List<AuditEntry> tail(Path folder, int limit) {
    Path file = folder.resolve(FILE_NAME);
    Deque<AuditEntry> last = new ArrayDeque<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        AuditEntry entry = parse(line);
        if (entry != null && limit > 0) {
          if (last.size() == limit) {
            last.removeFirst();
          }
          last.addLast(entry);
        }
      }
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw failed("cannot read the audit log " + file, e);
    }
    return new ArrayList<>(last);
  }

  /** The last {@code limit} entries of this log, oldest first. */
  public synchronized List<AuditEntry> tail(int limit) {
    return tail(file.getParent(), limit);
  }

  private static AuditEntry parse(String line) {
    if (line.isBlank()) {
      return null;
    }
    try {
      return GSON.fromJson(line, AuditEntry.class);
    } catch (JsonParseException | NullPointerException e) {
      return null; // a partial line left by a crash
    }
  }

  @Override
  public synchronized void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw failed("cannot close the audit log " + file, e);
    }
  }

  private static FaceException failed(String message, IOException cause) {
    return new FaceException(ErrorCode.INTERNAL, message + ": " + cause.getMessage(), cause);
  }
}
