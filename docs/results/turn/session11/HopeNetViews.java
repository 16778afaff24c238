import facegate.train.*;
import facegate.pose.*;
import facegate.vision.ImageEncoder;
import java.nio.file.*;
import java.util.*;
/**
 * Writes, for HopeNet's yaw (hopenet-yaw.js), CFP chips from the crop cache that turn-eval uses:
 * one frontal of each of the first 100 people after cfp100 (src-*), its 3D views at +-30/60/90
 * (3d+NN-*), and 200 of their real profiles (real-*), each as PNG and as raw 150x150 RGB (.rgb).
 * Usage (from the repository root, after `crops`):
 *   java -cp target/facegate.jar docs/results/turn/session11/HopeNetViews.java OUT CROP_CACHE_ROOT DATA
 * CROP_CACHE_ROOT holds cfp-da557a8b67f85fe5 (the crops' fingerprint at commit d176a5c).
 */
public class HopeNetViews { public static void main(String[] a) throws Exception {
  Path out=Path.of(a[0]); Path cacheRoot=Path.of(a[1]); Path data=Path.of(a[2]); Files.createDirectories(out);
  var images=FaceDatasets.folderPerIdentity(data.resolve("cfp/images"));
  var cache=CropCache.at(cacheRoot,"cfp","da557a8b67f85fe5",150);
  var samples=cache.load(images);
  Map<String,String> poses=new HashMap<>();
  for(String l:Files.readAllLines(data.resolve("cfp/poses.tsv"))){String[] f=l.split("\t"); poses.put(f[0],f[1]);}
  FaceRenderer3d r=FaceRenderer3d.shipped(); Set<String> seen=new HashSet<>(); int nf=0,np=0;
  double[] yaws={-90,-60,-30,30,60,90};
  for(FaceSample s:samples){ int id=Integer.parseInt(s.identity().substring(3)); if(id<=100) continue;
    Path p=Path.of(s.source()); String key=p.getParent().getFileName()+"/"+p.getFileName(); String stem=p.getFileName().toString().replace(".jpg","");
    if("profile".equals(poses.get(key)) && np<200){ { var im=s.chip(); Path f=out.resolve("real-"+stem+".png"); ImageEncoder.write(im,f); Files.write(Path.of(f.toString().replace(".png",".rgb")), im.rgb()); } np++; }
    else if("frontal".equals(poses.get(key)) && nf<100 && seen.add(s.identity())){ nf++;
      { var im=s.chip(); Path f=out.resolve("src-"+stem+".png"); ImageEncoder.write(im,f); Files.write(Path.of(f.toString().replace(".png",".rgb")), im.rgb()); }
      for(double y:yaws) { var im=r.render(s.chip(), s.chipLandmarks(), y).alignedChip(); Path f=out.resolve(String.format("3d%+03d-%s.png",(int)y,stem)); ImageEncoder.write(im,f); Files.write(Path.of(f.toString().replace(".png",".rgb")), im.rgb()); }
    }}
  System.out.println("frontals "+nf+" profiles "+np);
}}
