# networkx: graphs, shortest paths, components, and its lazily loaded
# algorithm modules.
import networkx as nx

g = nx.Graph()
g.add_weighted_edges_from([(1, 2, 1.0), (2, 3, 2.0), (1, 3, 5.0), (3, 4, 1.0), (5, 6, 1.0)])
print(nx.shortest_path(g, 1, 4, weight="weight"), nx.shortest_path_length(g, 1, 4, weight="weight"))
print(sorted(sorted(c) for c in nx.connected_components(g)))
print(sorted(nx.degree_centrality(g).items()))
d = nx.DiGraph([(1, 2), (2, 3), (3, 1), (3, 4)])
print(list(nx.simple_cycles(d)), nx.is_directed_acyclic_graph(d))
print(nx.to_dict_of_lists(nx.path_graph(4)))
print(sorted(nx.minimum_spanning_tree(g).edges(data="weight")))
