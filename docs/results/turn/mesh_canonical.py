"""Builds MeshYaw's canonical frontal mesh and compares the two mesh yaws on real CFP chips.

Input: the mesh dump EstimatorCeiling.java writes in "mesh" mode (person, label, 1404 values of
FaceMesh's 468 x (x, y, z) per line). The canonical mesh is the mean of the frontal chips of the
ODD-numbered people (each mesh centred and scaled to unit RMS radius first), symmetrised: each
point averaged with the mirror image (x -> -x) of its mirror partner, the partner being the point
nearest to its reflection. The two yaws are then read on the EVEN-numbered people only.

Usage (numpy): python3 docs/results/turn/mesh_canonical.py DUMP [CANONICAL_OUT]
"""
import sys

import numpy as np

RIGHT_EYE, LEFT_EYE = 33, 263


def load(path):
    people, labels, meshes = [], [], []
    with open(path) as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            people.append(int(parts[0]))
            labels.append(parts[1])
            meshes.append(np.array(parts[2:], dtype=np.float64).reshape(468, 3))
    return np.array(people), np.array(labels), np.array(meshes)


def normalised(mesh):
    centred = mesh - mesh.mean(axis=0)
    return centred / np.sqrt((centred ** 2).sum(axis=1).mean())


def canonical(meshes):
    mean = np.mean([normalised(m) for m in meshes], axis=0)
    mirrored = mean * np.array([-1.0, 1.0, 1.0])
    distances = ((mean[:, None, :] - mirrored[None, :, :]) ** 2).sum(axis=2)
    partner = distances.argmin(axis=1)  # partner[i]: the point whose reflection lies nearest i
    symmetric = (mean + mirrored[partner]) / 2
    return symmetric - symmetric.mean(axis=0), partner


def eye_yaw(mesh):
    d = mesh[LEFT_EYE] - mesh[RIGHT_EYE]
    return np.degrees(np.arctan2(d[2], d[0]))


def fit_yaw(mesh, reference):
    a = reference - reference.mean(axis=0)
    b = mesh - mesh.mean(axis=0)
    u, _, vt = np.linalg.svd(a.T @ b)
    d = np.sign(np.linalg.det(vt.T @ u.T))
    r = vt.T @ np.diag([1, 1, d]) @ u.T  # r @ a_i ~ b_i
    look = -r[:, 2]  # where the canonical's viewing direction -z goes
    return np.degrees(np.arctan2(look[0], -look[2]))


def table(name, yaws):
    v = np.sort(np.abs(yaws))
    n = len(v)
    within = lambda c: np.mean(np.abs(v - c) <= 15)
    print(f"| {name} | {n} | {v[n // 2]:.1f} | {v[n // 10]:.1f} / {v[n * 9 // 10]:.1f} | "
          f"{within(0):.2f} | {within(60):.2f} | {within(75):.2f} | {within(90):.2f} |")


def main():
    people, labels, meshes = load(sys.argv[1])
    odd_frontal = (people % 2 == 1) & (labels == "frontal")
    reference, partner = canonical(meshes[odd_frontal])
    fixed = int(np.sum(partner == np.arange(468)))
    involution = int(np.sum(partner[partner] == np.arange(468)))
    print(f"canonical from {odd_frontal.sum()} odd-numbered frontal chips; mirror partners: "
          f"{fixed} points their own, {involution} of 468 pairs mutual")
    print(f"canonical eye-corner yaw {eye_yaw(reference):.3f}, fit yaw {fit_yaw(reference, reference):.3f}")
    print("| even people: estimator, chips | n | median abs yaw | p10 / p90 | within 15 of 0 | of 60 | of 75 | of 90 |")
    print("|---|---|---|---|---|---|---|---|")
    even = people % 2 == 0
    for label in ("frontal", "profile"):
        chosen = meshes[even & (labels == label)]
        table(f"eye corners, {label}", np.array([eye_yaw(m) for m in chosen]))
        table(f"rotation fit, {label}", np.array([fit_yaw(m, reference) for m in chosen]))
    if len(sys.argv) > 2:
        with open(sys.argv[2], "w") as f:
            f.write("# MediaPipe FaceMesh canonical frontal mesh for facegate.pose.MeshYaw: index x y z\n")
            f.write("# (x right, y down, z away from the camera; centred, unit RMS radius). Mean of FaceMesh's\n")
            f.write(f"# output on the {odd_frontal.sum()} frontal CFP chips of odd-numbered people, symmetrised;\n")
            f.write("# written by docs/results/turn/mesh_canonical.py (see docs/results/turn/README.md).\n")
            for i, (x, y, z) in enumerate(reference):
                f.write(f"{i} {x:.6f} {y:.6f} {z:.6f}\n")


if __name__ == "__main__":
    main()
