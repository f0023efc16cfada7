package dev.quarkflow.pipelineengine.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.protobuf.Value;

import dev.quarkflow.proto.pipelinespec.ParameterIteratorSpec;
import dev.quarkflow.proto.pipelinespec.PipelineTaskSpec;
import dev.quarkflow.proto.pipelinespec.RuntimeArtifact;

/** The items a {@code ParallelFor} task iterates over: {@link Value}s, or {@link RuntimeArtifact}s. */
final class LoopItems {

    private LoopItems() {
    }

    /** Throws {@link IllegalArgumentException} when the items are not a list. */
    static List<Object> of(PipelineTaskSpec task, Map<String, Value> parameters,
            Map<String, List<RuntimeArtifact>> artifacts) {
        if (task.hasArtifactIterator()) {
            String input = task.getArtifactIterator().getItems().getInputArtifact();
            List<RuntimeArtifact> list = artifacts.get(input);
            if (list == null) {
                throw new IllegalArgumentException("input artifact '" + input + "' has no value");
            }
            return new ArrayList<>(list);
        }
        ParameterIteratorSpec.ItemsSpec items = task.getParameterIterator().getItems();
        Value list;
        if (items.hasRaw()) {
            list = Values.parseValue(items.getRaw());
        } else {
            list = parameters.get(items.getInputParameter());
            if (list == null) {
                throw new IllegalArgumentException("input '" + items.getInputParameter() + "' has no value");
            }
            if (list.hasStringValue()) {
                list = Values.parseValue(list.getStringValue());
            }
        }
        if (!list.hasListValue()) {
            throw new IllegalArgumentException("not a list: " + Values.json(list));
        }
        return new ArrayList<>(list.getListValue().getValuesList());
    }
}
