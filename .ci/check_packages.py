"""Checks the packed packages as a package page and a debugger read them: the nuspec names the repository (with the
commit), the project URL, the icon, the licence expression and the README; the README's links are absolute; and each
PDB in the symbol packages holds the Source Link document that maps its sources to the repository at that commit.

usage: check_packages.py <packages folder> <commit>
"""
import glob
import re
import sys
import zipfile

packages, commit = sys.argv[1], sys.argv[2]
repo = "https://github.com/communitymodel/communitymodel"
raw = f"https://raw.githubusercontent.com/communitymodel/communitymodel/{commit}/*"
problems = []
nupkgs = sorted(glob.glob(packages + "/*.nupkg")) + sorted(glob.glob(packages + "/*.snupkg"))
if not nupkgs:
    problems.append("no packages were packed")
for nupkg in nupkgs:
    name = nupkg.rsplit("/", 1)[-1]
    with zipfile.ZipFile(nupkg) as z:
        if name.endswith(".snupkg"):
            pdbs = [n for n in z.namelist() if n.endswith(".pdb")]
            if not pdbs:
                problems.append(f"{name}: no PDB")
            for pdb in pdbs:
                # The Source Link document is a JSON blob in the portable PDB's custom debug information.
                if f'{{"documents":{{"/_/*":"{raw}"}}}}'.encode() not in z.read(pdb):
                    problems.append(f"{name}: {pdb} holds no Source Link document mapping /_/* to {raw}")
            print(f"checked {name}: {len(pdbs)} PDB(s) with Source Link")
            continue
        nuspec = next(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".nuspec"))
        repository = re.search(r"<repository [^>]*>", nuspec)
        if not repository or f'url="{repo}"' not in repository[0] or f'commit="{commit}"' not in repository[0]:
            problems.append(f"{name}: the nuspec's repository is not {repo} at {commit}: {repository[0] if repository else 'none'}")
        expected = {
            "the project URL": f"<projectUrl>{repo}</projectUrl>",
            "the icon": "<icon>icon.png</icon>",
            "the licence expression": '<license type="expression">MIT</license>',
            "the README": "<readme>README.md</readme>",
        }
        for what, text in expected.items():
            if text not in nuspec:
                problems.append(f"{name}: the nuspec lacks {what} ({text})")
        for part in ["README.md", "icon.png", "LICENSE"]:
            if part not in z.namelist():
                problems.append(f"{name}: {part} is not packed")
        if "README.md" in z.namelist():
            readme = z.read("README.md").decode("utf-8")
            relative = [l for l in re.findall(r"\]\(([^)\s]+)\)", readme) if not l.startswith(("https://", "#"))]
            if relative:
                problems.append(f"{name}: README links are relative and break on a package page: {relative}")
        print(f"checked {name}: repository, project URL, icon, licence, README")
for problem in problems:
    print(problem)
sys.exit(1 if problems else 0)
