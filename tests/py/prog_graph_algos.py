# Graph algorithms on small deterministic graphs: BFS, DFS (recursive and
# iterative), topological sort with cycle detection, Dijkstra with heapq,
# union-find for connected components, and Floyd-Warshall.
import heapq
from collections import deque, defaultdict

edges = [("a", "b", 4), ("a", "c", 2), ("b", "c", 5), ("b", "d", 10), ("c", "e", 3), ("e", "d", 4), ("d", "f", 11),
         ("g", "h", 1)]
graph = defaultdict(list)
for u, v, w in edges:
    graph[u].append((v, w))
    graph[v].append((u, w))
nodes = sorted(graph)

def bfs(start):
    seen, order, q = {start}, [], deque([start])
    while q:
        n = q.popleft()
        order.append(n)
        for m, _ in sorted(graph[n]):
            if m not in seen:
                seen.add(m)
                q.append(m)
    return order

def dfs(start, seen=None):
    seen = set() if seen is None else seen
    seen.add(start)
    out = [start]
    for m, _ in sorted(graph[start]):
        if m not in seen:
            out += dfs(m, seen)
    return out

def dfs_iter(start):
    seen, out, stack = set(), [], [start]
    while stack:
        n = stack.pop()
        if n in seen:
            continue
        seen.add(n)
        out.append(n)
        stack.extend(m for m, _ in sorted(graph[n], reverse=True))
    return out

print(bfs("a"), dfs("a"), dfs_iter("a"), bfs("g"))

def dijkstra(src):
    dist = {src: 0}
    prev = {}
    pq = [(0, src)]
    while pq:
        d, n = heapq.heappop(pq)
        if d > dist.get(n, float("inf")):
            continue
        for m, w in graph[n]:
            nd = d + w
            if nd < dist.get(m, float("inf")):
                dist[m] = nd
                prev[m] = n
                heapq.heappush(pq, (nd, m))
    return dist, prev
dist, prev = dijkstra("a")
def path(to):
    p = [to]
    while p[-1] in prev:
        p.append(prev[p[-1]])
    return p[::-1]
print(sorted(dist.items()), path("f"), path("d"), "g" in dist)

deps = {"app": ["lib", "utils"], "lib": ["core"], "utils": ["core", "log"], "core": [], "log": []}
def topo(deps):
    state, order = {}, []
    def visit(n, trail):
        if state.get(n) == "done":
            return
        if state.get(n) == "active":
            raise ValueError("cycle: " + " -> ".join(trail + [n]))
        state[n] = "active"
        for d in deps[n]:
            visit(d, trail + [n])
        state[n] = "done"
        order.append(n)
    for n in sorted(deps):
        visit(n, [])
    return order
print(topo(deps))
deps["core"] = ["app"]
try:
    topo(deps)
except ValueError as e:
    print(type(e).__name__, e)

parent = {n: n for n in nodes}
def find(x):
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x
def union(a, b):
    ra, rb = find(a), find(b)
    if ra != rb:
        parent[max(ra, rb)] = min(ra, rb)
for u, v, _ in edges:
    union(u, v)
groups = defaultdict(list)
for n in nodes:
    groups[find(n)].append(n)
print(sorted(groups.values()))

INF = float("inf")
idx = {n: i for i, n in enumerate(nodes)}
D = [[0 if i == j else INF for j in range(len(nodes))] for i in range(len(nodes))]
for u, v, w in edges:
    D[idx[u]][idx[v]] = D[idx[v]][idx[u]] = w
for k in range(len(nodes)):
    for i in range(len(nodes)):
        for j in range(len(nodes)):
            if D[i][k] + D[k][j] < D[i][j]:
                D[i][j] = D[i][k] + D[k][j]
print([[("-" if x == INF else x) for x in row] for row in D[:3]])
mst, total = [], 0
for u, v, w in sorted(edges, key=lambda e: e[2]):
    pass
parent = {n: n for n in nodes}
for u, v, w in sorted(edges, key=lambda e: (e[2], e[0])):
    if find(u) != find(v):
        union(u, v)
        mst.append((u, v))
        total += w
print(mst, total)
