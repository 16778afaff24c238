package facegate.gallery;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * One change to the gallery, as the journal stores it. The payload is the sequence number, a type
 * byte and the type's fields (see {@link PersonCodec}); framing and checksums are the journal's.
 */
sealed interface JournalRecord {
  byte ENROLL = 1;
  byte ADD = 2;
  byte REMOVE = 3;

  /** The gallery-wide change number, at least 1, one more than the change before. */
  long sequence();

  /** A new person with their first templates. */
  record Enroll(long sequence, StoredPerson person) implements JournalRecord {}

  /** More templates for an enrolled person. */
  record AddTemplates(long sequence, String personId, List<StoredTemplate> templates)
      implements JournalRecord {
    public AddTemplates {
      templates = List.copyOf(templates);
    }
  }

  /** A person and all their templates removed. */
  record Remove(long sequence, String personId) implements JournalRecord {}

  /** The payload bytes of {@code record}. */
  static byte[] encode(JournalRecord record) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeLong(record.sequence());
      if (record instanceof Enroll enroll) {
        out.writeByte(ENROLL);
        PersonCodec.writePerson(out, enroll.person());
      } else if (record instanceof AddTemplates add) {
        out.writeByte(ADD);
        out.writeUTF(add.personId());
        PersonCodec.writeTemplates(out, add.templates());
      } else if (record instanceof Remove remove) {
        out.writeByte(REMOVE);
        out.writeUTF(remove.personId());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Parses a payload whose checksum already matched.
   *
   * @throws IOException when the bytes are not a valid record for this dimension
   */
  static JournalRecord decode(byte[] payload, int dimension) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
    long sequence = in.readLong();
    byte type = in.readByte();
    JournalRecord record =
        switch (type) {
          case ENROLL -> new Enroll(sequence, PersonCodec.readPerson(in, dimension));
          case ADD ->
              new AddTemplates(sequence, in.readUTF(), PersonCodec.readTemplates(in, dimension));
          case REMOVE -> new Remove(sequence, in.readUTF());
          default -> throw PersonCodec.corrupt("unknown journal record type " + type);
        };
    if (in.available() != 0) {
      throw PersonCodec.corrupt("journal record " + sequence + " has trailing bytes");
    }
    return record;
  }
}
