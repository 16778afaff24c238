package facegate.crash;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Enrollments from several threads until the server dies: person {@code p-<n>} with photo {@code
 * n}, the next unused one. Each answer sorts the person: 201 acknowledged, 4xx refused, anything
 * else or no answer (the kill) in doubt.
 */
final class EnrollmentBurst {
  private static final long FIRST_ACK_TIMEOUT_SECONDS = 600;

  private final FacegateClient client;
  private final TestPhotos photos;
  private final AtomicInteger next;
  private final List<Thread> threads = new ArrayList<>();
  private final Map<String, Integer> sent = new ConcurrentHashMap<>();
  private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
  private final Set<String> refused = ConcurrentHashMap.newKeySet();
  private final Set<String> inDoubt = ConcurrentHashMap.newKeySet();
  private final CountDownLatch firstAck = new CountDownLatch(1);

  EnrollmentBurst(FacegateClient client, TestPhotos photos, int firstPhoto, int writers) {
    this.client = client;
    this.photos = photos;
    this.next = new AtomicInteger(firstPhoto);
    for (int i = 0; i < writers; i++) {
      Thread thread = new Thread(this::enrollUntilDead, "crash-writer-" + i);
      thread.setDaemon(true);
      threads.add(thread);
    }
  }

  /** The display name person {@code p-<n>} is enrolled with. */
  static String name(int photo) {
    return "Person " + photo;
  }

  void start() {
    threads.forEach(Thread::start);
  }

  private void enrollUntilDead() {
    while (true) {
      int photo = next.getAndIncrement();
      if (photo >= photos.count()) {
        return;
      }
      String id = "p-" + photo;
      byte[] bytes = photos.photo(photo);
      sent.put(id, photo);
      int status;
      try {
        status = client.enroll(id, name(photo), bytes);
      } catch (IOException e) {
        inDoubt.add(id); // the server died under the request
        return;
      } catch (InterruptedException e) {
        inDoubt.add(id);
        Thread.currentThread().interrupt();
        return;
      }
      if (status == 201) {
        acknowledged.add(id);
        firstAck.countDown();
      } else if (status >= 400 && status < 500) {
        refused.add(id);
      } else {
        inDoubt.add(id);
      }
    }
  }

  /** Waits for the first 201; false when none came within 10 minutes or every writer ended. */
  boolean awaitFirstAck() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(FIRST_ACK_TIMEOUT_SECONDS);
    while (System.nanoTime() < deadline) {
      if (firstAck.await(100, TimeUnit.MILLISECONDS)) {
        return true;
      }
      if (threads.stream().noneMatch(Thread::isAlive)) {
        return false;
      }
    }
    return false;
  }

  /** Waits for every writer to end (they end when the server is gone). */
  void join() throws InterruptedException {
    for (Thread thread : threads) {
      thread.join();
    }
  }

  /** The first photo no request of this burst used. */
  int nextPhoto() {
    return next.get();
  }

  /** The photo the person was sent with in this burst, or null. */
  Integer photoOf(String id) {
    return sent.get(id);
  }

  Set<String> acknowledged() {
    return acknowledged;
  }

  Set<String> refused() {
    return refused;
  }

  Set<String> inDoubt() {
    return inDoubt;
  }
}
