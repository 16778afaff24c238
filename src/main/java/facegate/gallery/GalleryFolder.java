package facegate.gallery;

import facegate.core.AtomicFiles;
import facegate.core.ErrorCode;
import facegate.core.FaceException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A gallery folder held open by one gallery: its file names, and an OS lock on {@code gallery.lock}
 * so that no second gallery (in this or another process) writes the same files. The OS releases the
 * lock when the process dies, even by {@code kill -9}.
 */
final class GalleryFolder implements AutoCloseable {
  static final String LOCK_FILE = "gallery.lock";
  static final String JOURNAL_FILE = "journal.log";
  static final String SNAPSHOT_FILE = "snapshot.bin";

  private final Path directory;
  private final FileChannel lockChannel;
  private final FileLock lock;

  private GalleryFolder(Path directory, FileChannel lockChannel, FileLock lock) {
    this.directory = directory;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Creates {@code directory} if needed and locks it.
   *
   * @throws FaceException {@code internal_error} when it cannot be created or is already open
   */
  static GalleryFolder lock(Path directory) {
    FileChannel channel = null;
    try {
      Files.createDirectories(directory);
      channel =
          FileChannel.open(
              directory.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw new OverlappingFileLockException();
      }
      return new GalleryFolder(directory, channel, lock);
    } catch (IOException | OverlappingFileLockException e) {
      closeQuietly(channel);
      throw new FaceException(
          ErrorCode.INTERNAL,
          e instanceof OverlappingFileLockException
              ? "gallery folder "
                  + directory
                  + " is already open in another gallery or process;"
                  + " close that one, or point facegate.gallery-dir at another folder"
              : "cannot open gallery folder " + directory + ": " + e,
          e);
    }
  }

  Path directory() {
    return directory;
  }

  Path journal() {
    return directory.resolve(JOURNAL_FILE);
  }

  Path snapshot() {
    return directory.resolve(SNAPSHOT_FILE);
  }

  /** True when the folder already holds gallery data (so its manifest must exist). */
  boolean holdsData() {
    return Files.exists(journal()) || Files.exists(snapshot());
  }

  /** Deletes the leftovers of writes a crash interrupted; their targets are intact. */
  void deleteTemporaryFiles() throws IOException {
    try (DirectoryStream<Path> temporary =
        Files.newDirectoryStream(directory, "*" + AtomicFiles.TEMP_SUFFIX)) {
      for (Path file : temporary) {
        Files.deleteIfExists(file);
      }
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException e) {
      // closing the channel below releases it as well
    }
    closeQuietly(lockChannel);
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // nothing was written through this channel
      }
    }
  }
}
