package facegate.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A self-contained HTML page: headings, paragraphs, tables and PNG plots embedded as data URIs.
 * {@link #write} also saves each plot as a PNG file beside the page (same name as in the page), so
 * the plots can be linked or viewed on their own. All text is HTML-escaped.
 */
public final class HtmlReport {
  /**
   * Where and how a report was made.
   *
   * @param model the embedding model (folder and name)
   * @param command the command line that made the report
   * @param date when
   * @param machine the machine: cores, memory, OS, Java
   */
  public record RunInfo(String model, String command, Instant date, String machine) {
    /** This machine, described from the JVM. */
    public static String thisMachine() {
      Runtime runtime = Runtime.getRuntime();
      long totalMemoryBytes =
          ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
              .getTotalMemorySize();
      return String.format(
          Locale.ROOT,
          "%d cores, %.1f GiB memory, %s %s (%s), Java %s",
          runtime.availableProcessors(),
          totalMemoryBytes / (1024.0 * 1024 * 1024),
          System.getProperty("os.name"),
          System.getProperty("os.version"),
          System.getProperty("os.arch"),
          System.getProperty("java.version"));
    }
  }

  private final StringBuilder body = new StringBuilder();
  private final Map<String, byte[]> images = new LinkedHashMap<>();
  private final String title;

  /** Starts a page with {@code title} and a table describing the run. */
  public HtmlReport(String title, RunInfo info) {
    this.title = title;
    body.append("<h1>").append(escape(title)).append("</h1>\n");
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("model", info.model()));
    rows.add(List.of("command", info.command()));
    rows.add(List.of("date", info.date().toString()));
    rows.add(List.of("machine", info.machine()));
    table(List.of("run", ""), rows);
  }

  public HtmlReport heading(String text) {
    body.append("<h2>").append(escape(text)).append("</h2>\n");
    return this;
  }

  public HtmlReport paragraph(String text) {
    body.append("<p>").append(escape(text)).append("</p>\n");
    return this;
  }

  /** A table; every row must have as many cells as the header. */
  public HtmlReport table(List<String> header, List<List<String>> rows) {
    body.append("<table>\n<tr>");
    header.forEach(cell -> body.append("<th>").append(escape(cell)).append("</th>"));
    body.append("</tr>\n");
    for (List<String> row : rows) {
      if (row.size() != header.size()) {
        throw new IllegalArgumentException("row " + row + " does not match header " + header);
      }
      body.append("<tr>");
      row.forEach(cell -> body.append("<td>").append(escape(cell)).append("</td>"));
      body.append("</tr>\n");
    }
    body.append("</table>\n");
    return this;
  }

  /** A PNG plot, embedded in the page and saved beside it as {@code fileName}. */
  public HtmlReport image(String fileName, String caption, byte[] png) {
    if (!fileName.matches("[A-Za-z0-9_.-]+\\.png") || images.containsKey(fileName)) {
      throw new IllegalArgumentException("plot names must be distinct plain *.png: " + fileName);
    }
    images.put(fileName, png.clone());
    body.append("<figure><img alt=\"")
        .append(escape(caption))
        .append("\" data-file=\"")
        .append(fileName)
        .append("\" src=\"data:image/png;base64,")
        .append(Base64.getEncoder().encodeToString(png))
        .append("\"><figcaption>")
        .append(escape(caption))
        .append(" (<a href=\"")
        .append(fileName)
        .append("\">")
        .append(fileName)
        .append("</a>)</figcaption></figure>\n");
    return this;
  }

  /** The page's HTML. */
  public String html() {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
        + escape(title)
        + "</title>\n<style>\n"
        + "body{font-family:sans-serif;max-width:960px;margin:2em auto;color:#222}\n"
        + "table{border-collapse:collapse;margin:1em 0}\n"
        + "th,td{border:1px solid #ccc;padding:4px 8px;text-align:left}\n"
        + "th{background:#f2f2f2}\nfigure{margin:1em 0}\nimg{max-width:100%}\n"
        + "</style>\n</head>\n<body>\n"
        + body
        + "</body>\n</html>\n";
  }

  /**
   * Writes {@code dir/htmlName} and every plot beside it, creating {@code dir} if needed.
   *
   * @return the page's path
   */
  public Path write(Path dir, String htmlName) {
    try {
      Files.createDirectories(dir);
      for (Map.Entry<String, byte[]> image : images.entrySet()) {
        Files.write(dir.resolve(image.getKey()), image.getValue());
      }
      Path page = dir.resolve(htmlName);
      Files.writeString(page, html(), StandardCharsets.UTF_8);
      return page;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report into " + dir, e);
    }
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
