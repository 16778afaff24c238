package facegate.gallery;

import facegate.core.AtomicFiles;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * Every live person and template at one journal sequence number. File: {@code magic:long,
 * version:int, dimension:int, sequence:long, nextTemplateId:long, people:int}, the people (see
 * {@link PersonCodec}), then the CRC32C of everything before it as a long. Written with {@link
 * AtomicFiles#replace}, so a reader sees the previous snapshot or this one. The checksum is checked
 * over the whole file before any of it is parsed.
 *
 * @param sequence the last journal change the snapshot includes, at least 0
 * @param nextTemplateId the next unused template id, at least 1
 * @param people the people, in any order
 */
record Snapshot(long sequence, long nextTemplateId, List<StoredPerson> people) {
  static final long MAGIC = 0x4647534E41505331L; // "FGSNAPS1"
  static final int FORMAT_VERSION = 1;

  Snapshot {
    if (sequence < 0 || nextTemplateId < 1) {
      throw new IllegalArgumentException("invalid snapshot header");
    }
    people = List.copyOf(people);
  }

  /** Atomically writes a snapshot of {@code people} to {@code file}. */
  static void write(
      Path file, int dimension, long sequence, long nextTemplateId, Collection<StoredPerson> people)
      throws IOException {
    AtomicFiles.replace(
        file,
        stream -> {
          CheckedOutputStream checked = new CheckedOutputStream(stream, new CRC32C());
          DataOutputStream out = new DataOutputStream(checked);
          out.writeLong(MAGIC);
          out.writeInt(FORMAT_VERSION);
          out.writeInt(dimension);
          out.writeLong(sequence);
          out.writeLong(nextTemplateId);
          out.writeInt(people.size());
          for (StoredPerson person : people) {
            PersonCodec.writePerson(out, person);
          }
          out.flush();
          out.writeLong(checked.getChecksum().getValue());
          out.flush();
        });
  }

  /**
   * Reads the snapshot at {@code file}.
   *
   * @throws IOException when the file fails its checksum, is for another dimension or does not
   *     parse
   */
  static Snapshot read(Path file, int dimension) throws IOException {
    long size = Files.size(file);
    if (size < 44) {
      throw PersonCodec.corrupt("snapshot is truncated (" + size + " bytes)");
    }
    verifyChecksum(file, size - 8);
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      if (in.readLong() != MAGIC || in.readInt() != FORMAT_VERSION) {
        throw PersonCodec.corrupt("not a facegate snapshot, or an unknown format version");
      }
      int storedDimension = in.readInt();
      if (storedDimension != dimension) {
        throw PersonCodec.corrupt(
            "snapshot dimension " + storedDimension + " differs from the gallery's " + dimension);
      }
      long sequence = in.readLong();
      long nextTemplateId = in.readLong();
      int count = in.readInt();
      if (count < 0) {
        throw PersonCodec.corrupt("negative person count in snapshot");
      }
      List<StoredPerson> people = new ArrayList<>(Math.min(count, 1 << 16));
      for (int i = 0; i < count; i++) {
        people.add(PersonCodec.readPerson(in, dimension));
      }
      return new Snapshot(sequence, nextTemplateId, people);
    } catch (EOFException e) {
      throw PersonCodec.corrupt("snapshot ends early");
    } catch (IllegalArgumentException e) {
      throw PersonCodec.corrupt("invalid snapshot: " + e.getMessage());
    }
  }

  private static void verifyChecksum(Path file, long contentBytes) throws IOException {
    CRC32C crc = new CRC32C();
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
      CheckedInputStream checked = new CheckedInputStream(in, crc);
      byte[] buffer = new byte[1 << 16];
      long remaining = contentBytes;
      while (remaining > 0) {
        int read = checked.read(buffer, 0, (int) Math.min(buffer.length, remaining));
        if (read < 0) {
          throw PersonCodec.corrupt("snapshot ends early");
        }
        remaining -= read;
      }
      if (in.readLong() != crc.getValue()) {
        throw PersonCodec.corrupt("snapshot fails its checksum");
      }
    }
  }
}
