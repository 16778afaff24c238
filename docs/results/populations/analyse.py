import sys,csv
def load(p):
    rows=list(csv.DictReader(open(p),delimiter='\t'))
    return rows
def rates(rows,key,t):
    g=[float(r[key]) for r in rows if r['genuine']=='true']
    i=[float(r[key]) for r in rows if r['genuine']=='false']
    return sum(s>=t for s in i)/len(i), sum(s<t for s in g)/len(g), len(g), len(i)
def best(rows,key):
    vals=sorted(set(float(r[key]) for r in rows))
    b=0;bt=None
    for t in vals:
        far,frr,_,_=rates(rows,key,t)
        a=1-(far+frr)/2
        if a>b:b,bt=a,t
    return b,bt
ts=[float(x) for x in sys.argv[2].split(',')]
print("dataset\tgen\timp\townAccRaw\townAccNorm\tFAR@raw0.9122\tFRR@raw0.9122\t"+"\t".join(f"FAR@{t}\tFRR@{t}" for t in ts))
for d in sys.argv[1].split(','):
    rows=load(f'docs/results/populations/{d}.tsv')
    far,frr,ng,ni=rates(rows,'score',0.9121971441522339)
    out=[d,ng,ni,"%.4f"%best(rows,'score')[0],"%.4f"%best(rows,'normalized')[0],"%.4f"%far,"%.4f"%frr]
    for t in ts:
        a,b,_,_=rates(rows,'normalized',t); out+=["%.4f"%a,"%.4f"%b]
    print("\t".join(map(str,out)))
