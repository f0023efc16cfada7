package dev.quarkflow.metadata.grpc;

import dev.quarkflow.metadata.domain.Node;
import dev.quarkflow.metadata.domain.NodeKind;
import dev.quarkflow.proto.mlmd.Artifact;
import dev.quarkflow.proto.mlmd.Context;
import dev.quarkflow.proto.mlmd.Execution;

/** Artifact, Execution and Context messages to and from {@link Node}, keeping proto2 presence. */
final class NodeMapper {

    private NodeMapper() {
    }

    static Node fromArtifact(Artifact a) {
        return new Node(NodeKind.ARTIFACT, a.hasId() ? a.getId() : null, a.hasTypeId() ? a.getTypeId() : null, null,
                a.hasName() ? a.getName() : null, a.hasExternalId() ? a.getExternalId() : null,
                a.hasUri() ? a.getUri() : null, a.hasState() ? a.getState().getNumber() : null, a.getPropertiesMap(),
                a.getCustomPropertiesMap(), null,
                a.hasLastUpdateTimeSinceEpoch() ? a.getLastUpdateTimeSinceEpoch() : null);
    }

    static Node fromExecution(Execution e) {
        return new Node(NodeKind.EXECUTION, e.hasId() ? e.getId() : null, e.hasTypeId() ? e.getTypeId() : null, null,
                e.hasName() ? e.getName() : null, e.hasExternalId() ? e.getExternalId() : null, null,
                e.hasLastKnownState() ? e.getLastKnownState().getNumber() : null, e.getPropertiesMap(),
                e.getCustomPropertiesMap(), null,
                e.hasLastUpdateTimeSinceEpoch() ? e.getLastUpdateTimeSinceEpoch() : null);
    }

    static Node fromContext(Context c) {
        return new Node(NodeKind.CONTEXT, c.hasId() ? c.getId() : null, c.hasTypeId() ? c.getTypeId() : null, null,
                c.hasName() ? c.getName() : null, c.hasExternalId() ? c.getExternalId() : null, null, null,
                c.getPropertiesMap(), c.getCustomPropertiesMap(), null,
                c.hasLastUpdateTimeSinceEpoch() ? c.getLastUpdateTimeSinceEpoch() : null);
    }

    static Artifact toArtifact(Node n) {
        Artifact.Builder a = Artifact.newBuilder().setId(n.id()).setTypeId(n.typeId())
                .putAllProperties(n.properties()).putAllCustomProperties(n.customProperties())
                .setCreateTimeSinceEpoch(n.createTime()).setLastUpdateTimeSinceEpoch(n.lastUpdateTime());
        if (n.typeName() != null) {
            a.setType(n.typeName());
        }
        if (n.name() != null) {
            a.setName(n.name());
        }
        if (n.externalId() != null) {
            a.setExternalId(n.externalId());
        }
        a.setUri(n.uri() == null ? "" : n.uri());
        if (n.state() != null) {
            a.setState(Artifact.State.forNumber(n.state()));
        }
        return a.build();
    }

    static Execution toExecution(Node n) {
        Execution.Builder e = Execution.newBuilder().setId(n.id()).setTypeId(n.typeId())
                .putAllProperties(n.properties()).putAllCustomProperties(n.customProperties())
                .setCreateTimeSinceEpoch(n.createTime()).setLastUpdateTimeSinceEpoch(n.lastUpdateTime());
        if (n.typeName() != null) {
            e.setType(n.typeName());
        }
        if (n.name() != null) {
            e.setName(n.name());
        }
        if (n.externalId() != null) {
            e.setExternalId(n.externalId());
        }
        if (n.state() != null) {
            e.setLastKnownState(Execution.State.forNumber(n.state()));
        }
        return e.build();
    }

    static Context toContext(Node n) {
        Context.Builder c = Context.newBuilder().setId(n.id()).setTypeId(n.typeId())
                .putAllProperties(n.properties()).putAllCustomProperties(n.customProperties())
                .setCreateTimeSinceEpoch(n.createTime()).setLastUpdateTimeSinceEpoch(n.lastUpdateTime());
        if (n.typeName() != null) {
            c.setType(n.typeName());
        }
        if (n.name() != null) {
            c.setName(n.name());
        }
        if (n.externalId() != null) {
            c.setExternalId(n.externalId());
        }
        return c.build();
    }
}
