/**
 * Records and errors shared by every part of facegate. JDK types only: no OpenCV, DJL or Micronaut
 * type appears here.
 */
package facegate.core;
