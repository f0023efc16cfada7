package dev.quarkflow.metadata.store;

import java.util.List;

import dev.quarkflow.metadata.domain.Node;

/** One page of nodes, and the token of the next page (null on the last page). */
public record NodePage(List<Node> nodes, String nextPageToken) {

    public NodePage {
        nodes = List.copyOf(nodes);
    }
}
