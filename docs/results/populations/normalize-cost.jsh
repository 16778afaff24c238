import facegate.gallery.*;
import facegate.core.*;
import java.nio.file.*;
import java.util.*;
var cohort = TemplateCohort.read(Path.of("models/dlib-resnet-faceapi/cohort.bin"));
var dir = Files.createTempDirectory("micro");
var g = HnswGallery.open(dir, GalleryOptions.of("x", 128));
var r = new Random(1);
Embedding rnd() { float[] v = new float[128]; for (int i=0;i<128;i++) v[i]=(float)r.nextGaussian(); return Embedding.normalize(v); }
for (int i=0;i<12;i++) g.enroll("p"+i, "", List.of(rnd()));
var n = new CohortNormalizer(g, cohort, 50, 200);
var a = rnd(); var b = rnd();
for (int i=0;i<2000;i++) n.normalize(a, b, 0.5, Set.of("p1"));
long t0=System.nanoTime(); for (int i=0;i<5000;i++) n.normalize(a, b, 0.5, Set.of("p1")); long t1=System.nanoTime();
System.out.println("union mode (1990 default + 12 gallery): us per normalize = " + (t1-t0)/5000/1000.0);
for (int i=12;i<400;i++) g.enroll("p"+i, "", List.of(rnd()));
for (int i=0;i<2000;i++) n.normalize(a, b, 0.5, Set.of("p1"));
t0=System.nanoTime(); for (int i=0;i<5000;i++) n.normalize(a, b, 0.5, Set.of("p1")); t1=System.nanoTime();
System.out.println("gallery mode (400 people): us per normalize = " + (t1-t0)/5000/1000.0);
g.close();
/exit
