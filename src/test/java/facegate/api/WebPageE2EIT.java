package facegate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import facegate.vision.Fixtures;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page end to end in real headless Chromium (Debian's {@code chromium} and {@code
 * chromium-driver}, driven over WebDriver) against the real server with the real models: log in,
 * enroll from uploaded photos after seeing the face box and aligned crop, try the webcam path with
 * Chromium's fake camera, verify, identify with enrollment crops shown, delete. Screenshots go to
 * {@code target/e2e/}.
 *
 * <p>Without Chromium installed the test is skipped with a message, except under CI ({@code
 * CI=true}), where it fails: {@code .ci/run} installs Chromium.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebPageE2EIT implements TestPropertyProvider {
  private static final String ADMIN = "admin-e2e-key";
  private static final String VERIFIER = "verifier-e2e-key";
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target/e2e");

  @Inject EmbeddedServer server;
  private Path gallery;
  private WebDriver driver;
  private WebDriverWait wait;

  @Override
  public Map<String, String> getProperties() {
    try {
      gallery = Files.createTempDirectory("facegate-e2e-gallery");
      return Map.of(
          "facegate.gallery-dir",
          gallery.toString(),
          // The fixture people below separate at 0.90 (see ApiIT).
          "facegate.verify-threshold",
          "0.90",
          "facegate.gallery.store-crops",
          "true",
          "facegate.keys.admin",
          ADMIN,
          "facegate.keys.verifier",
          VERIFIER);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @BeforeAll
  void startChromium() throws IOException {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!installed) {
      String message =
          "Chromium is not installed: apt-get install -y chromium chromium-driver (.ci/run does)";
      if ("true".equals(System.getenv("CI"))) {
        fail(message);
      }
      Assumptions.abort(message);
    }
    Files.createDirectories(SCREENSHOTS);
    driver = chromium();
    wait = new WebDriverWait(driver, Duration.ofSeconds(60));
  }

  /** Headless Chromium with a fake camera and microphone (and {@code extraArguments}). */
  private WebDriver chromium(String... extraArguments) throws IOException {
    Path userData = Files.createTempDirectory("facegate-e2e-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,2400",
        "--use-fake-device-for-media-stream",
        "--use-fake-ui-for-media-stream",
        "--user-data-dir=" + userData);
    options.addArguments(extraArguments);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    return new ChromeDriver(service, options);
  }

  @AfterAll
  void stopChromium() {
    if (driver != null) {
      driver.quit();
    }
  }

  @Test
  void enrollsVerifiesIdentifiesAndDeletesThroughThePage() throws IOException {
    driver.get(server.getURL() + "/");
    wait.until(ExpectedConditions.urlContains("/ui/index.html"));

    login("not-a-key");
    waitForText("login-error", "unauthorized");
    screenshot("01-login-refused");

    login(ADMIN);
    waitForText("session-who", "admin#1 (admin)");
    assertTrue(text("settings").contains("crops are stored"), text("settings"));

    enroll("Angela_Bassett", 1, true);
    enroll("Boris_Becker", 1, false);
    enroll("Carmen_Electra", 1, false);
    wait.until(d -> peopleRows().size() == 3);
    assertEquals(
        List.of("angela_bassett", "boris_becker", "carmen_electra"),
        peopleRows().stream().map(row -> row.getDomAttribute("data-id")).toList());
    waitForLoadedImage("#people-table img.crop[data-id='angela_bassett']", 150);
    assertTrue(text("people-count").contains("of 3"), text("people-count"));
    screenshot("03-people");

    webcamSnapshot();

    verify("Angela_Bassett", 1, "Angela_Bassett", 2, "Match");
    assertTrue(text("verify-numbers").contains("threshold 0.9000"), text("verify-numbers"));
    screenshot("04-verify-match");
    verify("Angela_Bassett", 1, "Boris_Becker", 1, "No match");
    screenshot("05-verify-no-match");

    identify("Angela_Bassett", 2, "Known: angela_bassett (Angela Bassett)");
    List<WebElement> candidates = driver.findElements(By.cssSelector("#identify-table tbody tr"));
    assertEquals(3, candidates.size());
    assertEquals("angela_bassett", candidates.get(0).getDomAttribute("data-id"));
    waitForLoadedImage("#identify-table img.crop[data-id='angela_bassett']", 150);
    screenshot("06-identify-known");
    identify("Thabo_Mbeki", 1, "Unknown: nobody reaches the threshold");
    screenshot("07-identify-unknown");

    WebElement delete =
        driver.findElement(
            By.cssSelector("#people-table tr[data-id='angela_bassett'] button.delete-person"));
    delete.click();
    wait.until(d -> delete.getText().equals("Really delete?"));
    assertEquals(3, peopleRows().size(), "the first click only asks");
    delete.click();
    waitForText("people-status", "Deleted angela_bassett.");
    wait.until(d -> peopleRows().size() == 2);
    assertFalse(
        peopleRows().stream()
            .anyMatch(row -> "angela_bassett".equals(row.getDomAttribute("data-id"))));
    try (Stream<Path> crops = Files.list(gallery.resolve("crops"))) {
      assertEquals(2, crops.count(), "the deleted person's crop is deleted with them");
    }
    screenshot("08-deleted");

    identify("Angela_Bassett", 2, "Unknown: nobody reaches the threshold");

    driver.findElement(By.id("logout-button")).click();
    login(VERIFIER);
    waitForText("session-who", "verifier#1 (verifier)");
    assertFalse(driver.findElement(By.id("enroll")).isDisplayed(), "verifiers cannot enroll");
    assertFalse(driver.findElement(By.id("people")).isDisplayed(), "verifiers cannot list people");
    identify("Boris_Becker", 2, "Known: boris_becker");
    screenshot("09-verifier");
  }

  /** With crops off (the default) the page says so and shows none, in the list and in identify. */
  @Test
  void showsNoCropsWhenCropsAreNotStored() throws IOException {
    Path otherGallery = Files.createTempDirectory("facegate-e2e-no-crops");
    EmbeddedServer noCrops =
        ApplicationContext.run(
            EmbeddedServer.class,
            Map.of(
                "micronaut.server.port",
                -1,
                "facegate.gallery-dir",
                otherGallery.toString(),
                "facegate.verify-threshold",
                "0.90",
                "facegate.keys.admin",
                ADMIN));
    try {
      driver.get(noCrops.getURL() + "/ui/index.html");
      js("sessionStorage.clear();");
      driver.navigate().refresh();
      login(ADMIN);
      waitForText("settings", "Enrollment crops are not stored");
      enroll("Clay_Aiken", 1, false);
      wait.until(d -> peopleRows().size() == 1);
      WebElement cropCell = peopleRows().get(0).findElement(By.tagName("td"));
      assertEquals("not stored", cropCell.getText());
      identify("Clay_Aiken", 2, "Known: clay_aiken");
      waitForText("crops-off-note", "not stored");
      assertTrue(driver.findElements(By.cssSelector("img.crop")).isEmpty(), "no crop is shown");
      assertFalse(Files.exists(otherGallery.resolve("crops")), "and none is stored");
      screenshot("10-crops-off");
    } finally {
      noCrops.getApplicationContext().close();
    }
  }

  /**
   * The webcam panel's liveness check with Chromium's fake camera playing a NUAA fixture frame (as
   * a .y4m written into target/e2e): a live face shows "live" and its score, a printed photo the
   * 403 presentation_attack refusal.
   */
  @Test
  void webcamLivenessShowsLiveFacesAndRefusesPrints() throws IOException {
    String live = webcamLiveness("live/0001/0001_00_00_01_81.jpg", "11-webcam-live");
    assertTrue(live.startsWith("live — liveness score "), live);
    double score = Double.parseDouble(live.split(" ")[4]);
    double threshold = Double.parseDouble(live.split("threshold ")[1].substring(0, 6));
    assertTrue(score >= threshold, live);

    String print = webcamLiveness("photo/0001/0001_00_03_02_72.jpg", "12-webcam-print");
    assertTrue(print.startsWith("Refused: "), print);
    assertTrue(print.endsWith("(presentation_attack)"), print);
  }

  /** What the webcam panel's liveness check shows for a camera playing {@code frame}. */
  private String webcamLiveness(String frame, String name) throws IOException {
    Path video =
        FakeCameraVideo.write(
            Path.of("src/test/resources/fixtures/nuaa", frame), SCREENSHOTS.resolve(name + ".y4m"));
    WebDriver main = driver;
    WebDriverWait mainWait = wait;
    driver = chromium("--use-file-for-fake-video-capture=" + video.toAbsolutePath());
    wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    try {
      driver.get(server.getURL() + "/ui/index.html");
      login(ADMIN);
      waitForText("session-who", "admin#1 (admin)");
      driver.findElement(By.id("webcam-start")).click();
      wait.until(ExpectedConditions.elementToBeClickable(By.id("webcam-check")));
      wait.until(
          d ->
              ((Number) js("return document.getElementById('webcam').videoWidth;")).intValue() > 0);
      driver.findElement(By.id("webcam-check")).click();
      wait.until(
          d ->
              !text("webcam-liveness").isEmpty()
                  && !text("webcam-liveness").startsWith("Checking"));
      screenshot(name);
      return text("webcam-liveness");
    } finally {
      driver.quit();
      driver = main;
      wait = mainWait;
    }
  }

  private void login(String key) {
    WebElement input = driver.findElement(By.id("api-key"));
    input.clear();
    input.sendKeys(key);
    driver.findElement(By.id("login-button")).click();
  }

  /** Uploads a photo, checks the preview (box drawn, 150 px crop), then confirms. */
  private void enroll(String person, int number, boolean screenshot) throws IOException {
    driver.findElement(By.id("enroll-file")).sendKeys(fixture(person, number));
    waitForText("enroll-status", "face(s) found");
    WebElement chip = waitForLoadedImage("#enroll-chip", 150);
    assertTrue(chip.isDisplayed());
    assertTrue(
        Integer.parseInt(driver.findElement(By.id("enroll-canvas")).getDomAttribute("data-faces"))
            >= 1);
    if (screenshot) {
      screenshot("02-enroll-preview");
    }
    String id = person.toLowerCase();
    driver.findElement(By.id("enroll-id")).sendKeys(id);
    driver.findElement(By.id("enroll-name")).sendKeys(person.replace('_', ' '));
    driver.findElement(By.id("enroll-confirm")).click();
    waitForText("enroll-result", "Enrolled " + id);
  }

  /**
   * Chromium's fake camera shows a test pattern, not a face: the snapshot must reach the server and
   * come back as a preview (a canvas drawn, and an answer about faces).
   */
  private void webcamSnapshot() throws IOException {
    driver.findElement(By.id("webcam-start")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("webcam-snap")));
    wait.until(
        d -> ((Number) js("return document.getElementById('webcam').videoWidth;")).intValue() > 0);
    driver.findElement(By.id("webcam-snap")).click();
    wait.until(
        d ->
            text("enroll-status").startsWith("No face found")
                || text("enroll-status").contains("face(s) found"));
    assertTrue(
        ((Number) js("return document.getElementById('enroll-canvas').width;")).intValue() > 0);
    screenshot("03b-webcam-snapshot");
    driver.findElement(By.id("webcam-stop")).click();
  }

  private void verify(
      String first, int firstNumber, String second, int secondNumber, String verdict) {
    driver.findElement(By.id("verify-a")).sendKeys(fixture(first, firstNumber));
    driver.findElement(By.id("verify-b")).sendKeys(fixture(second, secondNumber));
    driver.findElement(By.id("verify-run")).click();
    wait.until(d -> !d.findElements(By.id("verify-verdict")).isEmpty());
    wait.until(d -> text("verify-verdict").equals(verdict));
  }

  private void identify(String person, int number, String verdictStart) {
    driver.findElement(By.id("identify-file")).sendKeys(fixture(person, number));
    js("var old = document.getElementById('identify-verdict'); if (old) old.remove();");
    driver.findElement(By.id("identify-run")).click();
    wait.until(d -> !d.findElements(By.id("identify-verdict")).isEmpty());
    assertTrue(text("identify-verdict").startsWith(verdictStart), text("identify-verdict"));
  }

  private List<WebElement> peopleRows() {
    return driver.findElements(By.cssSelector("#people-table tbody tr"));
  }

  private WebElement waitForLoadedImage(String css, int width) {
    WebElement image = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    wait.until(
        d ->
            ((Number) js("return arguments[0].complete ? arguments[0].naturalWidth : 0;", image))
                    .intValue()
                == width);
    return image;
  }

  private void waitForText(String id, String part) {
    try {
      wait.until(d -> text(id).contains(part));
    } catch (org.openqa.selenium.TimeoutException e) {
      fail("#" + id + " never showed '" + part + "'; it shows '" + text(id) + "'", e);
    }
  }

  private String text(String id) {
    return driver.findElement(By.id(id)).getText();
  }

  private Object js(String script, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(script, arguments);
  }

  private void screenshot(String name) throws IOException {
    byte[] png = ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES);
    Files.write(SCREENSHOTS.resolve(name + ".png"), png);
  }

  private static String fixture(String person, int number) {
    return Fixtures.lfwPath(person, number).toAbsolutePath().toString();
  }
}
