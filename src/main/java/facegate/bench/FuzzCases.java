package facegate.bench;

import facegate.core.FaceException;
import facegate.core.Person;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/**
 * Seeded malformed requests for the API: truncated and bit-flipped JPEG and PNG photos, headers
 * declaring huge dimensions, empty photos, wrong content types, oversized and broken multipart
 * bodies, JSON where multipart belongs, unicode and injection attempts in ids, missing and extra
 * parts, repeated parts, empty boundaries, a thousand fields, images that decode huge, admin routes
 * spelled otherwise with a verifier key, out-of-range numbers. The same seed gives the same cases.
 */
public final class FuzzCases {
  /**
   * One malformed request.
   *
   * @param kind what was broken, e.g. {@code truncated-jpeg}
   * @param request the request
   * @param mayBeAccepted true when the input may still be a valid request (a bit flip that leaves a
   *     decodable image), so a 2xx answer is correct too
   * @param onlyCodes the error codes this case must get; empty: any known 4xx code
   */
  public record FuzzCase(
      String kind, HttpRequest request, boolean mayBeAccepted, Set<String> onlyCodes) {
    public FuzzCase {
      onlyCodes = Set.copyOf(onlyCodes);
    }

    public FuzzCase(String kind, HttpRequest request, boolean mayBeAccepted) {
      this(kind, request, mayBeAccepted, Set.of());
    }
  }

  /** The kind of the headers-only oversized request; see {@link RawExchange}. */
  public static final String OVERSIZED = "oversized-headers-only";

  private static final String[] BAD_IDS = {
    "",
    " ",
    "'; DROP TABLE people; --",
    "../../etc/passwd",
    "..",
    "a/b",
    "<script>alert(1)</script>",
    "名前",
    "😀",
    "e\u0301",
    "\u202Eevil",
    "a\u0000b",
    "a\nb",
    "%00",
    "${jndi:ldap://x/a}",
    "x".repeat(129),
    "x".repeat(10_000),
    "null",
    "a b",
    "\\\\server\\share"
  };

  private final Random random;
  private final ApiRequests admin;
  private final ApiRequests verifier;
  private final List<byte[]> jpegs;
  private final List<byte[]> pngs;
  private int serial;

  /**
   * @param admin requests with an admin key
   * @param verifier requests with a verifier key (for the admin-only routes, spelled otherwise)
   * @param jpegs real JPEG photos to break (e.g. the test fixtures)
   * @param seed the seed of every choice
   */
  public FuzzCases(ApiRequests admin, ApiRequests verifier, List<byte[]> jpegs, long seed) {
    this.random = new Random(seed);
    this.admin = admin;
    this.verifier = verifier;
    this.jpegs = List.copyOf(jpegs);
    this.pngs = jpegs.stream().limit(4).map(FuzzCases::toPng).toList();
  }

  /** The next case; kinds rotate so that every kind appears in any run of 24 or more. */
  public FuzzCase next() {
    int kind = serial++ % 24;
    return switch (kind) {
      case 0 -> photoCase("truncated-jpeg", truncate(pick(jpegs)), false);
      case 1 -> photoCase("truncated-png", truncate(pick(pngs)), false);
      case 2 -> photoCase("bitflip-jpeg", flip(pick(jpegs)), true);
      case 3 -> photoCase("bitflip-png", flip(pick(pngs)), true);
      case 4 -> photoCase("huge-jpeg-dimensions", hugeJpeg(pick(jpegs)), false);
      case 5 -> photoCase("huge-png-dimensions", hugePng(pick(pngs)), false);
      case 6 -> photoCase("zero-bytes", new byte[0], false);
      case 7 -> photoCase("random-bytes", randomBytes(1 + random.nextInt(4096)), false);
      case 8 -> wrongContentType();
      case 9 ->
          new FuzzCase("bad-json", admin.raw(endpoint(), "application/json", badJson()), false);
      case 10 -> badId();
      case 11 -> missingParts();
      case 12 -> badNumbers();
      case 13 -> brokenMultipart();
      case 14 ->
          photoCase("jpeg-header-only", Arrays.copyOf(pick(jpegs), 2 + random.nextInt(600)), false);
      case 15 -> badPath();
      case 16 -> photoCase("png-bad-crc", corruptPngChunk(pick(pngs)), true);
      case 17 ->
          photoCase("text-as-photo", "GIF89a not really".getBytes(StandardCharsets.UTF_8), false);
      case 18 ->
          serial % 100 == 19 ? oversized() : photoCase("bitflip-jpeg", flip(pick(jpegs)), true);
      case 19 -> spelledAdminRoute();
      case 20 -> emptyBoundary();
      case 21 -> repeatedPart();
      case 22 -> manyFields();
      case 23 ->
          new FuzzCase(
              "decodes-huge-png",
              admin.post(
                  "/v1/identify",
                  new Multipart().file("photo", "p.png", "image/png", decodesHugePng())),
              false,
              Set.of("image_too_large"));
      default -> photoCase("truncated-jpeg", truncate(pick(jpegs)), false);
    };
  }

  private byte[] pick(List<byte[]> photos) {
    return photos.get(random.nextInt(photos.size()));
  }

  private String endpoint() {
    return switch (random.nextInt(3)) {
      case 0 -> "/v1/people";
      case 1 -> "/v1/verify";
      default -> "/v1/identify";
    };
  }

  /** The photo sent to a random endpoint, with the other parts that endpoint needs. */
  private FuzzCase photoCase(String kind, byte[] photo, boolean mayBeAccepted) {
    String endpoint = endpoint();
    Multipart body = new Multipart().file("photo", "p.img", "application/octet-stream", photo);
    switch (endpoint) {
      case "/v1/people" -> body.field("id", "fuzz-" + serial);
      case "/v1/verify" -> body.file("other", "q.jpg", "image/jpeg", pick(jpegs));
      default -> body.field("k", "3");
    }
    return new FuzzCase(
        kind + endpoint.replace('/', '_'), admin.post(endpoint, body), mayBeAccepted);
  }

  private byte[] truncate(byte[] photo) {
    return Arrays.copyOf(photo, random.nextInt(photo.length - 1));
  }

  private byte[] flip(byte[] photo) {
    byte[] copy = photo.clone();
    int flips = 1 + random.nextInt(32);
    for (int i = 0; i < flips; i++) {
      int at = random.nextInt(copy.length);
      copy[at] ^= (byte) (1 << random.nextInt(8));
    }
    return copy;
  }

  /** The JPEG with its frame header (SOF0/SOF2) declaring 65000x65000 pixels. */
  private static byte[] hugeJpeg(byte[] jpeg) {
    byte[] copy = jpeg.clone();
    for (int i = 2; i + 8 < copy.length; i++) {
      if ((copy[i] & 0xFF) == 0xFF
          && ((copy[i + 1] & 0xFF) == 0xC0 || (copy[i + 1] & 0xFF) == 0xC2)) {
        copy[i + 5] = (byte) 0xFD;
        copy[i + 6] = (byte) 0xE8;
        copy[i + 7] = (byte) 0xFD;
        copy[i + 8] = (byte) 0xE8;
        return copy;
      }
    }
    return copy;
  }

  /** The PNG with its IHDR declaring 100000x100000 pixels, CRC fixed so only the size is wrong. */
  private static byte[] hugePng(byte[] png) {
    byte[] copy = png.clone();
    ByteBuffer buffer = ByteBuffer.wrap(copy);
    buffer.putInt(16, 100_000).putInt(20, 100_000);
    CRC32 crc = new CRC32();
    crc.update(copy, 12, 17);
    buffer.putInt(29, (int) crc.getValue());
    return copy;
  }

  private byte[] corruptPngChunk(byte[] png) {
    byte[] copy = png.clone();
    int at = 40 + random.nextInt(copy.length - 40);
    copy[at] ^= (byte) 0xFF;
    return copy;
  }

  private byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  private FuzzCase wrongContentType() {
    String[] types = {
      "text/plain",
      "application/x-www-form-urlencoded",
      "image/jpeg",
      null,
      "multipart/mixed",
      "multipart/form-data",
      "application/xml"
    };
    String type = types[random.nextInt(types.length)];
    return new FuzzCase("content-type-" + type, admin.raw(endpoint(), type, pick(jpegs)), false);
  }

  private byte[] badJson() {
    String[] bodies = {
      "{",
      "{\"photo\": \"AAAA\", \"id\": 1}",
      "[]",
      "null",
      "{\"id\": \"" + "\\u0000".repeat(50) + "\"}",
      "\"" + "a".repeat(5000),
      "{\"a\":".repeat(500)
    };
    return bodies[random.nextInt(bodies.length)].getBytes(StandardCharsets.UTF_8);
  }

  private FuzzCase badId() {
    String id = BAD_IDS[random.nextInt(BAD_IDS.length)];
    // a few look odd but are valid ids ("null", ".."): those may succeed
    boolean valid = isValidId(id);
    String encoded = URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    return switch (random.nextInt(4)) {
      case 0 -> new FuzzCase("bad-id-enroll", admin.enroll(id, pick(jpegs)), valid);
      case 1 -> new FuzzCase("bad-id-verify", admin.verify(id, pick(jpegs)), valid);
      case 2 ->
          new FuzzCase(
              "bad-id-get",
              admin.builder("/v1/people/" + encoded).GET().build(),
              valid || encoded.isEmpty()); // GET /v1/people/ is the list
      default ->
          new FuzzCase(
              "bad-id-delete", admin.builder("/v1/people/" + encoded).DELETE().build(), valid);
    };
  }

  private static boolean isValidId(String id) {
    try {
      Person.requireValidId(id);
      return true;
    } catch (FaceException e) {
      return false;
    }
  }

  private FuzzCase missingParts() {
    Multipart body = new Multipart();
    String endpoint = endpoint();
    int choice = random.nextInt(4);
    switch (choice) {
      case 0 -> body.field("id", "someone");
      case 1 -> body.file("photo", "p.jpg", "image/jpeg", pick(jpegs));
      case 2 ->
          body.file("photo", "p.jpg", "image/jpeg", pick(jpegs))
              .field("id", "someone-" + serial)
              .file("other", "q.jpg", "image/jpeg", pick(jpegs));
      default -> body.field("photo", "not a file");
    }
    // verify with only a photo, or enroll without an id, or both id and other: all 4xx
    if (endpoint.equals("/v1/identify")) {
      endpoint = "/v1/verify";
    }
    // an enrollment with an extra "other" part is complete: the extra part is ignored
    boolean complete = choice == 2 && endpoint.equals("/v1/people");
    return new FuzzCase(
        "missing-parts" + endpoint.replace('/', '_'), admin.post(endpoint, body), complete);
  }

  private FuzzCase badNumbers() {
    String[] values = {"-1", "0", "101", "abc", "1e9", "99999999999999999999", "", "3.5"};
    String value = values[random.nextInt(values.length)];
    if (random.nextBoolean()) {
      return new FuzzCase(
          "bad-k",
          admin.post(
              "/v1/identify",
              new Multipart().file("photo", "p.jpg", "image/jpeg", pick(jpegs)).field("k", value)),
          value.isEmpty()); // an empty k counts as absent: default 5
    }
    String query =
        "?offset=" + URLEncoder.encode(value, StandardCharsets.UTF_8) + "&limit=" + value;
    return new FuzzCase(
        "bad-paging",
        admin.builder("/v1/people" + query.replace(" ", "%20")).GET().build(),
        // empty offset and limit count as absent (the defaults); 101 is a valid offset and limit
        value.isEmpty() || value.equals("101"));
  }

  private FuzzCase brokenMultipart() {
    byte[] body =
        new Multipart().file("photo", "p.jpg", "image/jpeg", pick(jpegs)).field("k", "3").bytes();
    return switch (random.nextInt(3)) {
      case 0 ->
          new FuzzCase(
              "multipart-no-end",
              admin.raw(
                  "/v1/identify",
                  new Multipart().contentType(),
                  Arrays.copyOf(body, body.length - 40)),
              true); // the photo part is complete: answering from it (default k) is fine
      case 1 ->
          new FuzzCase(
              "multipart-wrong-boundary",
              admin.raw("/v1/identify", "multipart/form-data; boundary=other", body),
              false);
      default ->
          new FuzzCase(
              "multipart-garbage",
              admin.raw("/v1/identify", new Multipart().contentType(), randomBytes(2048)),
              false);
    };
  }

  private FuzzCase badPath() {
    String[] paths = {
      "/v1/people/%25zz",
      "/v1/verify/extra",
      "/v1/people/a%2Fb",
      "/v1/people?limit=%25",
      "/v2/verify"
    };
    return new FuzzCase(
        "bad-path", admin.builder(paths[random.nextInt(paths.length)]).GET().build(), false);
  }

  /**
   * A request announcing 13 MB, over the server's limit (sent headers-only by the caller, see
   * {@link RawExchange}); its {@code request} is a placeholder for the path.
   */
  private FuzzCase oversized() {
    return new FuzzCase(OVERSIZED, admin.builder("/v1/people").GET().build(), false);
  }

  /** An admin-only route, written another way, with a verifier key: refused or no route. */
  private FuzzCase spelledAdminRoute() {
    String[] paths = {
      "/v1/audit/",
      "//v1/audit",
      "/v1//audit",
      "/v1/audit//",
      "/v1/%61udit",
      "/V1/AUDIT",
      "/v1/people/",
      "//v1/people",
      "/v1/people/x/",
      "/v1/./people",
      "/v1/audit?limit=5"
    };
    return new FuzzCase(
        "verifier-spelled-admin-route",
        verifier.rawGet(paths[random.nextInt(paths.length)]),
        false,
        Set.of("forbidden", "not_found"));
  }

  private FuzzCase emptyBoundary() {
    String[] types = {
      "multipart/form-data; boundary=",
      "multipart/form-data; boundary=\"\"",
      "multipart/form-data; boundary=" + "b".repeat(71),
      "multipart/form-data; charset=utf-8"
    };
    return new FuzzCase(
        "bad-boundary",
        admin.raw(endpoint(), types[random.nextInt(types.length)], pick(jpegs)),
        false,
        Set.of("malformed_request"));
  }

  /** A part sent twice: the id, the photo, or k. */
  private FuzzCase repeatedPart() {
    byte[] photo = pick(jpegs);
    Multipart body = new Multipart().file("photo", "p.jpg", "image/jpeg", photo);
    String endpoint = "/v1/people";
    switch (random.nextInt(3)) {
      case 0 -> body.field("id", "twice-a-" + serial).field("id", "twice-b-" + serial);
      case 1 -> body.field("id", "twice-" + serial).file("photo", "q.jpg", "image/jpeg", photo);
      default -> {
        endpoint = "/v1/identify";
        body.field("k", "3").field("k", "4");
      }
    }
    return new FuzzCase(
        "repeated-part" + endpoint.replace('/', '_'),
        admin.post(endpoint, body),
        false,
        Set.of("malformed_request"));
  }

  /** A thousand small text parts before the photo. */
  private FuzzCase manyFields() {
    Multipart body = new Multipart();
    for (int i = 0; i < 1000; i++) {
      body.field("f" + i, "v");
    }
    body.file("photo", "p.jpg", "image/jpeg", pick(jpegs));
    return new FuzzCase(
        "thousand-fields", admin.post("/v1/identify", body), false, Set.of("malformed_request"));
  }

  /**
   * A PNG header declaring 2800x2800 at 16-bit RGBA (60 MiB decoded, within the pixel limit, over
   * the decode budget), without pixel data: refused from the header.
   */
  private static byte[] decodesHugePng() {
    ByteBuffer png = ByteBuffer.allocate(33);
    png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    png.putInt(13).put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(2800).putInt(2800);
    png.put(new byte[] {16, 6, 0, 0, 0});
    CRC32 crc = new CRC32();
    crc.update(png.array(), 12, 17);
    png.putInt((int) crc.getValue());
    return png.array();
  }

  private static byte[] toPng(byte[] jpeg) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(ImageIO.read(new java.io.ByteArrayInputStream(jpeg)), "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
