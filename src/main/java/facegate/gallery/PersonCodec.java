package facegate.gallery;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.StreamCorruptedException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of people and templates shared by the journal and the snapshot: big-endian,
 * strings as modified UTF-8 ({@link DataOutput#writeUTF}), floats as IEEE 754 bits. Reading checks
 * every count against the dimension and the sanity limits, so damaged bytes fail with a {@link
 * StreamCorruptedException} instead of a huge allocation.
 */
final class PersonCodec {
  /** More templates than this in one record cannot come from a valid write. */
  static final int MAX_TEMPLATES_PER_RECORD = 100_000;

  private PersonCodec() {}

  static void writePerson(DataOutput out, StoredPerson person) throws IOException {
    out.writeUTF(person.id());
    out.writeUTF(person.name());
    out.writeLong(person.enrolledAt().getEpochSecond());
    out.writeInt(person.enrolledAt().getNano());
    writeTemplates(out, person.templates());
  }

  static StoredPerson readPerson(DataInput in, int dimension) throws IOException {
    String id = in.readUTF();
    String name = in.readUTF();
    long seconds = in.readLong();
    int nanos = in.readInt();
    List<StoredTemplate> templates = readTemplates(in, dimension);
    try {
      return new StoredPerson(id, name, Instant.ofEpochSecond(seconds, nanos), templates);
    } catch (RuntimeException e) {
      throw corrupt("invalid person record for '" + id + "': " + e.getMessage());
    }
  }

  static void writeTemplates(DataOutput out, List<StoredTemplate> templates) throws IOException {
    out.writeInt(templates.size());
    for (StoredTemplate template : templates) {
      out.writeLong(template.id());
      for (float v : template.vector()) {
        out.writeFloat(v);
      }
    }
  }

  static List<StoredTemplate> readTemplates(DataInput in, int dimension) throws IOException {
    int count = in.readInt();
    if (count < 1 || count > MAX_TEMPLATES_PER_RECORD) {
      throw corrupt("invalid template count " + count);
    }
    List<StoredTemplate> templates = new ArrayList<>(count);
    for (int t = 0; t < count; t++) {
      long id = in.readLong();
      if (id < 1) {
        throw corrupt("invalid template id " + id);
      }
      float[] vector = new float[dimension];
      for (int i = 0; i < dimension; i++) {
        vector[i] = in.readFloat();
        if (!Float.isFinite(vector[i])) {
          throw corrupt("non-finite template value in template " + id);
        }
      }
      templates.add(new StoredTemplate(id, vector));
    }
    return templates;
  }

  static StreamCorruptedException corrupt(String message) {
    return new StreamCorruptedException(message);
  }
}
