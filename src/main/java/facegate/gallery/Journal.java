package facegate.gallery;

import facegate.core.AtomicFiles;
import java.io.Closeable;
import java.io.IOException;
import java.io.StreamCorruptedException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import java.util.zip.CRC32;

/**
 * The append-only change log. File: an 8-byte header (magic, format version), then records, each
 * {@code magic:int, length:int, crc32:int, payload[length]} (big-endian), where the payload is a
 * {@link JournalRecord}. Every append is forced to disk before it returns.
 *
 * <p>Replay distinguishes a torn tail from damage: a record that is short, badly framed or fails
 * its checksum is a torn tail (from a crash mid-append) when no valid record follows it, and is cut
 * off; when a valid record follows it, the journal is damaged and replay fails. Not thread-safe:
 * the gallery's write lock guards it.
 */
final class Journal implements Closeable {
  static final int FILE_MAGIC = 0x46474A4C; // "FGJL"
  static final int FORMAT_VERSION = 1;
  static final int FILE_HEADER_BYTES = 8;
  static final int RECORD_MAGIC = 0x4A524543; // "JREC"
  static final int RECORD_HEADER_BYTES = 12;
  static final int MAX_PAYLOAD_BYTES = 256 << 20;

  private final FileChannel channel;
  private final boolean holdsErasable;
  private long sizeBytes;
  private boolean broken;

  private Journal(FileChannel channel, long sizeBytes, boolean holdsErasable) {
    this.channel = channel;
    this.sizeBytes = sizeBytes;
    this.holdsErasable = holdsErasable;
  }

  /** Where replay stopped, and whether it saw a removal or a record the snapshot already holds. */
  private record Replay(long validEnd, boolean erasable) {}

  /**
   * Opens (creating if absent) the journal at {@code file}, replays every record with a sequence
   * number above {@code afterSequence} into {@code apply}, in order, and cuts off a torn tail.
   *
   * @throws StreamCorruptedException when the journal is damaged before its tail, a record does not
   *     parse, or sequence numbers skip
   */
  static Journal open(Path file, int dimension, long afterSequence, Consumer<JournalRecord> apply)
      throws IOException {
    boolean created = !Files.exists(file);
    FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    try {
      if (created) {
        AtomicFiles.forceDirectory(file.getParent());
      }
      byte[] bytes = Files.readAllBytes(file);
      Replay replay = replay(bytes, dimension, afterSequence, apply);
      long validEnd = replay.validEnd();
      if (validEnd < FILE_HEADER_BYTES) {
        writeHeader(channel);
        validEnd = FILE_HEADER_BYTES;
      } else if (validEnd < bytes.length) {
        channel.truncate(validEnd);
        channel.force(true);
      }
      return new Journal(channel, validEnd, replay.erasable());
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private static Replay replay(
      byte[] bytes, int dimension, long afterSequence, Consumer<JournalRecord> apply)
      throws IOException {
    if (bytes.length < FILE_HEADER_BYTES) {
      return new Replay(0, false); // created, or torn while writing the header
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    if (buffer.getInt(0) != FILE_MAGIC || buffer.getInt(4) != FORMAT_VERSION) {
      throw PersonCodec.corrupt("not a facegate journal, or an unknown format version");
    }
    long lastSequence = afterSequence;
    long previous = Long.MIN_VALUE;
    boolean erasable = false;
    int position = FILE_HEADER_BYTES;
    while (position < bytes.length) {
      int payloadLength = validRecordLength(buffer, position);
      if (payloadLength < 0) {
        if (anyValidRecordAfter(buffer, position + 1)) {
          throw PersonCodec.corrupt(
              "journal record at byte " + position + " is damaged and valid records follow it");
        }
        return new Replay(position, erasable); // torn tail
      }
      byte[] payload = new byte[payloadLength];
      buffer.get(position + RECORD_HEADER_BYTES, payload);
      JournalRecord record = JournalRecord.decode(payload, dimension);
      if (record.sequence() <= previous) {
        throw PersonCodec.corrupt("journal sequence goes backwards at " + record.sequence());
      }
      previous = record.sequence();
      erasable |= record instanceof JournalRecord.Remove || record.sequence() <= afterSequence;
      if (record.sequence() > afterSequence) {
        if (record.sequence() != lastSequence + 1) {
          throw PersonCodec.corrupt(
              "journal skips from change " + lastSequence + " to " + record.sequence());
        }
        lastSequence = record.sequence();
        apply.accept(record);
      }
      position += RECORD_HEADER_BYTES + payloadLength;
    }
    return new Replay(position, erasable);
  }

  /** The payload length of a whole, well-framed record at {@code position}, or -1. */
  private static int validRecordLength(ByteBuffer buffer, int position) {
    int limit = buffer.capacity();
    if (limit - position < RECORD_HEADER_BYTES || buffer.getInt(position) != RECORD_MAGIC) {
      return -1;
    }
    int length = buffer.getInt(position + 4);
    if (length < 9
        || length > MAX_PAYLOAD_BYTES
        || length > limit - position - RECORD_HEADER_BYTES) {
      return -1;
    }
    CRC32 crc = new CRC32();
    crc.update(buffer.slice(position + RECORD_HEADER_BYTES, length));
    return (int) crc.getValue() == buffer.getInt(position + 8) ? length : -1;
  }

  private static boolean anyValidRecordAfter(ByteBuffer buffer, int from) {
    for (int position = from; position <= buffer.capacity() - RECORD_HEADER_BYTES; position++) {
      if (buffer.getInt(position) == RECORD_MAGIC && validRecordLength(buffer, position) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static void writeHeader(FileChannel channel) throws IOException {
    channel.truncate(0);
    ByteBuffer header = ByteBuffer.allocate(FILE_HEADER_BYTES);
    header.putInt(FILE_MAGIC).putInt(FORMAT_VERSION).flip();
    writeFully(channel, header, 0);
    channel.force(true);
  }

  /**
   * Appends {@code record} and forces it to disk. On failure the journal is cut back to where it
   * was, so a half-written record never sits before later ones; if even that fails, every later
   * append fails too.
   */
  void append(JournalRecord record) throws IOException {
    if (broken) {
      throw new IOException("the journal could not be repaired after a failed write; reopen it");
    }
    byte[] payload = JournalRecord.encode(record);
    if (payload.length > MAX_PAYLOAD_BYTES) {
      throw new IllegalArgumentException("change too large for one journal record");
    }
    CRC32 crc = new CRC32();
    crc.update(payload);
    ByteBuffer frame = ByteBuffer.allocate(RECORD_HEADER_BYTES + payload.length);
    frame.putInt(RECORD_MAGIC).putInt(payload.length).putInt((int) crc.getValue());
    frame.put(payload).flip();
    try {
      writeFully(channel, frame, sizeBytes);
      channel.force(true);
      sizeBytes += frame.capacity();
    } catch (IOException e) {
      try {
        channel.truncate(sizeBytes);
        channel.force(true);
      } catch (IOException repair) {
        broken = true;
        e.addSuppressed(repair);
      }
      throw e;
    }
  }

  /** Empties the journal, after a snapshot has made its records redundant. */
  void reset() throws IOException {
    writeHeader(channel);
    sizeBytes = FILE_HEADER_BYTES;
    broken = false;
  }

  /**
   * True when the journal, as opened, held a removal or records the snapshot already includes (left
   * by a crash during compaction): it may hold a removed person's data, so the gallery compacts it
   * away before serving.
   */
  boolean holdsErasable() {
    return holdsErasable;
  }

  long sizeBytes() {
    return sizeBytes;
  }

  private static void writeFully(FileChannel channel, ByteBuffer buffer, long position)
      throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      at += channel.write(buffer, at);
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
