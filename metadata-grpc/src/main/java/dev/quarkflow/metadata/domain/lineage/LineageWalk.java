package dev.quarkflow.metadata.domain.lineage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import dev.quarkflow.proto.mlmd.Event;

/**
 * Breadth-first walks over the artifact–execution graph that events form; one hop crosses one event. Pure: the
 * graph is read through {@link Graph}, so the walk is tested without a database.
 */
public final class LineageWalk {

    /** Reads the events touching a set of nodes. */
    public interface Graph {
        List<Event> eventsOfArtifacts(Collection<Long> artifactIds);

        List<Event> eventsOfExecutions(Collection<Long> executionIds);
    }

    public enum Direction {
        UPSTREAM,
        DOWNSTREAM,
        BIDIRECTIONAL
    }

    /** The nodes reached, in the order they were reached, and the events the result carries. */
    public record Result(Set<Long> artifactIds, Set<Long> executionIds, List<Event> events) {
    }

    private static final Set<Event.Type> OUTPUTS = Set.of(Event.Type.OUTPUT, Event.Type.DECLARED_OUTPUT,
            Event.Type.INTERNAL_OUTPUT, Event.Type.PENDING_OUTPUT);
    private static final Set<Event.Type> INPUTS = Set.of(Event.Type.INPUT, Event.Type.DECLARED_INPUT,
            Event.Type.INTERNAL_INPUT);

    private LineageWalk() {
    }

    /**
     * GetLineageGraph: from the start artifacts, alternately to executions and artifacts over events of any type,
     * keeping only newly reached nodes the boundary accepts, at most {@code maxNodes} nodes in all (0 = no limit).
     * The events returned are all events between the nodes kept.
     */
    public static Result bounded(Graph graph, Collection<Long> startArtifacts, long maxHops, long maxNodes,
            UnaryOperator<Set<Long>> keepArtifacts, UnaryOperator<Set<Long>> keepExecutions) {
        Set<Long> artifacts = new LinkedHashSet<>();
        Set<Long> executions = new LinkedHashSet<>();
        for (Long id : startArtifacts) {
            if (maxNodes <= 0 || artifacts.size() < maxNodes) {
                artifacts.add(id);
            }
        }
        Set<Long> frontier = new LinkedHashSet<>(artifacts);
        boolean fromArtifacts = true;
        for (long hop = 0; hop < maxHops && !frontier.isEmpty(); hop++) {
            Set<Long> reached = new LinkedHashSet<>();
            Set<Long> visited = fromArtifacts ? executions : artifacts;
            for (Event event : fromArtifacts ? graph.eventsOfArtifacts(frontier) : graph.eventsOfExecutions(frontier)) {
                long other = fromArtifacts ? event.getExecutionId() : event.getArtifactId();
                if (!visited.contains(other)) {
                    reached.add(other);
                }
            }
            Set<Long> kept = reached.isEmpty() ? reached
                    : (fromArtifacts ? keepExecutions : keepArtifacts).apply(reached);
            frontier = new LinkedHashSet<>();
            for (Long id : reached) {
                if (kept.contains(id) && (maxNodes <= 0 || artifacts.size() + executions.size() < maxNodes)) {
                    visited.add(id);
                    frontier.add(id);
                }
            }
            fromArtifacts = !fromArtifacts;
        }
        List<Event> events = new ArrayList<>();
        if (!executions.isEmpty()) {
            for (Event event : graph.eventsOfArtifacts(artifacts)) {
                if (executions.contains(event.getExecutionId())) {
                    events.add(event);
                }
            }
        }
        return new Result(artifacts, executions, events);
    }

    /**
     * GetLineageSubgraph: from the start nodes along events in the given direction. Directional walks keep every
     * event they cross, also into nodes already visited; bidirectional walks keep only events to new nodes.
     */
    public static Result directed(Graph graph, Collection<Long> startArtifacts, Collection<Long> startExecutions,
            long maxHops, Direction direction) {
        Set<Long> artifacts = new LinkedHashSet<>(startArtifacts);
        Set<Long> executions = new LinkedHashSet<>(startExecutions);
        Map<String, Event> events = new LinkedHashMap<>();
        Set<Long> artifactFrontier = new LinkedHashSet<>(artifacts);
        Set<Long> executionFrontier = new LinkedHashSet<>(executions);
        for (long hop = 0; hop < maxHops && !(artifactFrontier.isEmpty() && executionFrontier.isEmpty()); hop++) {
            Set<Long> newExecutions = new LinkedHashSet<>();
            Set<Long> newArtifacts = new LinkedHashSet<>();
            if (!artifactFrontier.isEmpty()) {
                for (Event event : graph.eventsOfArtifacts(artifactFrontier)) {
                    if (follows(direction, event, true)) {
                        step(direction, event, event.getExecutionId(), executions, newExecutions, events);
                    }
                }
            }
            if (!executionFrontier.isEmpty()) {
                for (Event event : graph.eventsOfExecutions(executionFrontier)) {
                    if (follows(direction, event, false)) {
                        step(direction, event, event.getArtifactId(), artifacts, newArtifacts, events);
                    }
                }
            }
            executions.addAll(newExecutions);
            artifacts.addAll(newArtifacts);
            executionFrontier = newExecutions;
            artifactFrontier = newArtifacts;
        }
        return new Result(artifacts, executions, List.copyOf(events.values()));
    }

    private static void step(Direction direction, Event event, long target, Set<Long> visited, Set<Long> reached,
            Map<String, Event> events) {
        boolean isNew = !visited.contains(target);
        if (isNew) {
            reached.add(target);
        }
        if (isNew || direction != Direction.BIDIRECTIONAL) {
            events.putIfAbsent(event.getArtifactId() + "/" + event.getExecutionId() + "/" + event.getType(), event);
        }
    }

    /** Upstream from an artifact goes to its producers (output events); from an execution to its inputs. */
    private static boolean follows(Direction direction, Event event, boolean fromArtifact) {
        return switch (direction) {
            case BIDIRECTIONAL -> true;
            case UPSTREAM -> (fromArtifact ? OUTPUTS : INPUTS).contains(event.getType());
            case DOWNSTREAM -> (fromArtifact ? INPUTS : OUTPUTS).contains(event.getType());
        };
    }
}
