package dev.quarkflow.katib.controller.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;

import dev.quarkflow.katib.controller.model.Observation;

/**
 * Upstream's TensorFlowEvent collector: every file under the directory (recursively) is read as TFRecords of
 * {@code tensorflow.Event}; each {@code summary.value} whose tag starts with a metric's last path segment, in a file
 * whose directory ends with the metric's directory part (metric {@code test/accuracy} → files under a {@code test}
 * directory), gives a log named after the metric: scalar tensors first, then {@code simple_value} scalars, per file.
 * Timestamps are the event's wall time to the second (upstream's {@code rfc3339}); values are printed as Python/NumPy
 * print them ({@code 0.10000000149011612} for a float {@code simple_value}, {@code 0.1} for a float32 tensor,
 * {@code 1e-05}). A file that is not an event file is skipped, as upstream skips it with a warning; a record cut short
 * at the end of a file (still being written) ends that file. Non-scalar tensors are not reported.
 */
public final class TfEventReader {

    // tensorflow/core/util/event.proto, summary.proto, tensor.proto, tensor_shape.proto field numbers
    private static final int EVENT_WALL_TIME = 1;
    private static final int EVENT_SUMMARY = 5;
    private static final int SUMMARY_VALUE = 1;
    private static final int VALUE_TAG = 1;
    private static final int VALUE_SIMPLE_VALUE = 2;
    private static final int VALUE_TENSOR = 8;
    private static final int TENSOR_DTYPE = 1;
    private static final int TENSOR_SHAPE = 2;
    private static final int TENSOR_CONTENT = 4;
    private static final int TENSOR_FLOAT_VAL = 5;
    private static final int TENSOR_DOUBLE_VAL = 6;
    private static final int TENSOR_INT_VAL = 7;
    private static final int TENSOR_INT64_VAL = 10;
    private static final int TENSOR_BOOL_VAL = 11;
    private static final int SHAPE_DIM = 2;
    private static final int DT_FLOAT = 1;
    private static final int DT_DOUBLE = 2;
    private static final int DT_INT32 = 3;
    private static final int DT_UINT8 = 4;
    private static final int DT_INT16 = 5;
    private static final int DT_INT8 = 6;
    private static final int DT_INT64 = 9;
    private static final int DT_BOOL = 10;
    private static final int MASK_DELTA = 0xa282ead8;

    private TfEventReader() {
    }

    /** A file that is not a sequence of valid TFRecords. */
    public static final class NotAnEventFileException extends IOException {
        public NotAnEventFileException(String message) {
            super(message);
        }
    }

    /** One summary value: its tag, the event's wall time, and the value as upstream prints it. */
    public record Value(String tag, double wallTime, String value, boolean tensor) {
    }

    /**
     * @param metricNames the objective first, then the additional metrics
     * @param include which files to read (all of them upstream; local mode leaves out files older than the trial)
     * @param warnings receives one line per skipped file
     * @param now the time of the {@code unavailable} log when the objective is never seen (upstream: now)
     */
    public static List<MetricLog> collect(Path directory, List<String> metricNames, Predicate<Path> include,
            List<String> warnings, Instant now) throws IOException {
        List<MetricLog> logs = new ArrayList<>();
        if (Files.isDirectory(directory)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(directory)) {
                files = walk.filter(Files::isRegularFile).filter(include).sorted().toList();
            }
            for (Path file : files) {
                try {
                    logs.addAll(metrics(file, readValues(file), metricNames));
                } catch (IOException e) {
                    warnings.add(file + ": skipped: " + e.getMessage());
                }
            }
        }
        String objective = metricNames.get(0);
        if (logs.stream().noneMatch(log -> log.name().equals(objective))) {
            return List.of(new MetricLog(now.truncatedTo(ChronoUnit.SECONDS).toString(), objective,
                    Observation.UNAVAILABLE));
        }
        return logs;
    }

    /** The logs of one file, in upstream's order: tensor tags, then scalar tags, each tag with its values in order. */
    static List<MetricLog> metrics(Path file, List<Value> values, List<String> metricNames) {
        List<MetricLog> logs = new ArrayList<>();
        for (boolean tensors : new boolean[] { true, false }) {
            Map<String, List<Value>> byTag = new LinkedHashMap<>();
            values.stream().filter(v -> v.tensor() == tensors)
                    .forEach(v -> byTag.computeIfAbsent(v.tag(), tag -> new ArrayList<>()).add(v));
            byTag.forEach((tag, tagValues) -> {
                for (String metric : metricNames) {
                    if (shouldConsider(tag, metric, file)) {
                        tagValues.forEach(v -> logs.add(new MetricLog(timestamp(v.wallTime()), metric, v.value())));
                    }
                }
            });
        }
        return logs;
    }

    /** Upstream's {@code _should_consider}: tag prefix = metric's last segment, file dir ends with metric's dir. */
    static boolean shouldConsider(String tag, String metric, Path file) {
        String[] segments = metric.split("/", -1);
        String fileDir = dirname(file.toString());
        String wantedDir = segments.length >= 2 ? dirname(metric) : fileDir;
        return tag.startsWith(segments[segments.length - 1]) && fileDir.endsWith(wantedDir);
    }

    private static String dirname(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static String timestamp(double wallTime) {
        return Instant.ofEpochSecond((long) Math.floor(wallTime)).toString();
    }

    /** Every scalar summary value of an event file, in file order. */
    public static List<Value> readValues(Path file) throws IOException {
        List<Value> values = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] record;
            while ((record = nextRecord(in, file)) != null) {
                readEvent(CodedInputStream.newInstance(record), values);
            }
        }
        return values;
    }

    private static byte[] nextRecord(InputStream in, Path file) throws IOException {
        byte[] header = in.readNBytes(12);
        if (header.length < 12) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        long length = buffer.getLong(0);
        if (buffer.getInt(8) != maskedCrc(header, 0, 8)) {
            throw new NotAnEventFileException("not a TFRecord file (length checksum mismatch)");
        }
        if (length < 0 || length > Integer.MAX_VALUE - 8) {
            throw new NotAnEventFileException("record length " + length + " out of range");
        }
        byte[] data = in.readNBytes((int) length);
        byte[] footer = in.readNBytes(4);
        if (data.length < length || footer.length < 4) {
            return null;
        }
        if (ByteBuffer.wrap(footer).order(ByteOrder.LITTLE_ENDIAN).getInt() != maskedCrc(data, 0, data.length)) {
            throw new NotAnEventFileException("corrupt record (data checksum mismatch)");
        }
        return data;
    }

    /** TFRecord's masked CRC32C: rotate right by 15 bits, add a constant. */
    public static int maskedCrc(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        int value = (int) crc.getValue();
        return ((value >>> 15) | (value << 17)) + MASK_DELTA;
    }

    private static void readEvent(CodedInputStream in, List<Value> values) throws IOException {
        double wallTime = 0;
        List<ByteString> summaries = new ArrayList<>();
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case EVENT_WALL_TIME -> wallTime = in.readDouble();
                case EVENT_SUMMARY -> summaries.add(in.readBytes());
                default -> in.skipField(tag);
            }
        }
        for (ByteString summary : summaries) {
            CodedInputStream s = summary.newCodedInput();
            while ((tag = s.readTag()) != 0) {
                if (WireFormat.getTagFieldNumber(tag) == SUMMARY_VALUE) {
                    readValue(s.readBytes().newCodedInput(), wallTime, values);
                } else {
                    s.skipField(tag);
                }
            }
        }
    }

    private static void readValue(CodedInputStream in, double wallTime, List<Value> values) throws IOException {
        String name = "";
        Float simple = null;
        ByteString tensor = null;
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case VALUE_TAG -> name = in.readStringRequireUtf8();
                case VALUE_SIMPLE_VALUE -> simple = in.readFloat();
                case VALUE_TENSOR -> tensor = in.readBytes();
                default -> in.skipField(tag);
            }
        }
        if (tensor != null) {
            String text = scalarTensor(tensor.newCodedInput());
            if (text != null) {
                values.add(new Value(name, wallTime, text, true));
            }
        } else if (simple != null) {
            values.add(new Value(name, wallTime, PythonFloats.repr((double) simple), false));
        }
    }

    /** A rank-0 tensor's value as NumPy prints it, or null for other ranks and types. */
    private static String scalarTensor(CodedInputStream in) throws IOException {
        int dtype = 0;
        boolean scalar = true;
        ByteString content = null;
        List<Number> numbers = new ArrayList<>();
        int tag;
        while ((tag = in.readTag()) != 0) {
            int field = WireFormat.getTagFieldNumber(tag);
            boolean packed = WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED;
            switch (field) {
                case TENSOR_DTYPE -> dtype = in.readEnum();
                case TENSOR_SHAPE -> scalar = isScalar(in.readBytes().newCodedInput());
                case TENSOR_CONTENT -> content = in.readBytes();
                case TENSOR_FLOAT_VAL -> readNumbers(in, packed, numbers, CodedInputStream::readFloat);
                case TENSOR_DOUBLE_VAL -> readNumbers(in, packed, numbers, CodedInputStream::readDouble);
                case TENSOR_INT_VAL -> readNumbers(in, packed, numbers, CodedInputStream::readInt32);
                case TENSOR_INT64_VAL -> readNumbers(in, packed, numbers, CodedInputStream::readInt64);
                case TENSOR_BOOL_VAL -> readNumbers(in, packed, numbers, c -> c.readBool() ? 1 : 0);
                default -> in.skipField(tag);
            }
        }
        if (!scalar) {
            return null;
        }
        if (content != null && !content.isEmpty()) {
            ByteBuffer raw = content.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            numbers.clear();
            switch (dtype) {
                case DT_FLOAT -> numbers.add(raw.getFloat());
                case DT_DOUBLE -> numbers.add(raw.getDouble());
                case DT_INT32 -> numbers.add(raw.getInt());
                case DT_INT64 -> numbers.add(raw.getLong());
                case DT_INT16 -> numbers.add(raw.getShort());
                case DT_INT8 -> numbers.add(raw.get());
                case DT_UINT8 -> numbers.add(raw.get() & 0xff);
                case DT_BOOL -> numbers.add(raw.get() != 0 ? 1 : 0);
                default -> {
                    return null;
                }
            }
        }
        if (numbers.isEmpty()) {
            return null;
        }
        Number number = numbers.get(0);
        return switch (dtype) {
            case DT_FLOAT -> PythonFloats.repr(number.floatValue());
            case DT_DOUBLE -> PythonFloats.repr(number.doubleValue());
            case DT_INT32, DT_INT64, DT_INT16, DT_INT8, DT_UINT8 -> Long.toString(number.longValue());
            case DT_BOOL -> number.intValue() != 0 ? "True" : "False";
            default -> null;
        };
    }

    private static boolean isScalar(CodedInputStream shape) throws IOException {
        int tag;
        while ((tag = shape.readTag()) != 0) {
            if (WireFormat.getTagFieldNumber(tag) == SHAPE_DIM) {
                return false;
            }
            shape.skipField(tag);
        }
        return true;
    }

    private interface NumberReader {
        Number read(CodedInputStream in) throws IOException;
    }

    private static void readNumbers(CodedInputStream in, boolean packed, List<Number> into, NumberReader reader)
            throws IOException {
        if (!packed) {
            into.add(reader.read(in));
            return;
        }
        int limit = in.pushLimit(in.readRawVarint32());
        while (in.getBytesUntilLimit() > 0) {
            into.add(reader.read(in));
        }
        in.popLimit(limit);
    }

}
