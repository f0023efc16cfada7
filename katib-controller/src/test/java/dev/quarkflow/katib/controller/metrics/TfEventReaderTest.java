package dev.quarkflow.katib.controller.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;

class TfEventReaderTest {

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05.678Z");

    @TempDir
    Path dir;

    /** Event bytes written here, independently of the reader: field numbers from TensorFlow's event.proto. */
    private static byte[] event(double wallTime, long step, byte[] summary) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        out.writeDouble(1, wallTime);
        out.writeInt64(2, step);
        if (summary == null) {
            out.writeString(3, "brain.Event:2");
        } else {
            out.writeByteArray(5, summary);
        }
        out.flush();
        return bytes.toByteArray();
    }

    private static byte[] simpleValue(String tag, float value) throws IOException {
        return summaryValue(tag, out -> out.writeFloat(2, value));
    }

    private static byte[] floatTensor(String tag, float value) throws IOException {
        ByteArrayOutputStream tensor = new ByteArrayOutputStream();
        CodedOutputStream t = CodedOutputStream.newInstance(tensor);
        t.writeEnum(1, 1);
        t.writeByteArray(2, new byte[0]);
        t.writeFloat(5, value); // not packed: the reader takes both forms
        t.flush();
        return summaryValue(tag, out -> out.writeByteArray(8, tensor.toByteArray()));
    }

    private static byte[] doubleTensorContent(String tag, double value) throws IOException {
        ByteArrayOutputStream tensor = new ByteArrayOutputStream();
        CodedOutputStream t = CodedOutputStream.newInstance(tensor);
        t.writeEnum(1, 2);
        t.writeBytes(4, ByteString.copyFrom(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(value)
                .array()));
        t.flush();
        return summaryValue(tag, out -> out.writeByteArray(8, tensor.toByteArray()));
    }

    private static byte[] vectorTensor(String tag) throws IOException {
        ByteArrayOutputStream tensor = new ByteArrayOutputStream();
        CodedOutputStream t = CodedOutputStream.newInstance(tensor);
        t.writeEnum(1, 1);
        ByteArrayOutputStream shape = new ByteArrayOutputStream();
        CodedOutputStream s = CodedOutputStream.newInstance(shape);
        s.writeByteArray(2, new byte[] { 8, 2 });
        s.flush();
        t.writeByteArray(2, shape.toByteArray());
        t.writeFloat(5, 1f);
        t.writeFloat(5, 2f);
        t.flush();
        return summaryValue(tag, out -> out.writeByteArray(8, tensor.toByteArray()));
    }

    private interface Writer {
        void write(CodedOutputStream out) throws IOException;
    }

    private static byte[] summaryValue(String tag, Writer value) throws IOException {
        ByteArrayOutputStream v = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(v);
        out.writeString(1, tag);
        value.write(out);
        out.flush();
        ByteArrayOutputStream summary = new ByteArrayOutputStream();
        CodedOutputStream s = CodedOutputStream.newInstance(summary);
        s.writeByteArray(1, v.toByteArray());
        s.flush();
        return summary.toByteArray();
    }

    private static byte[] records(byte[]... events) {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        for (byte[] data : events) {
            byte[] length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(data.length).array();
            file.writeBytes(length);
            file.writeBytes(le(TfEventReader.maskedCrc(length, 0, 8)));
            file.writeBytes(data);
            file.writeBytes(le(TfEventReader.maskedCrc(data, 0, data.length)));
        }
        return file.toByteArray();
    }

    private static byte[] le(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }

    private Path write(String relative, byte[] bytes) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return file;
    }

    private List<MetricLog> collect(List<String> metrics, List<String> warnings) throws IOException {
        return TfEventReader.collect(dir, metrics, f -> true, warnings, NOW);
    }

    @Test
    void maskedCrc_matchesTheTfRecordReferenceValue() {
        // crc32c("123456789") = 0xE3069283, masked as TFRecord does
        int crc = 0xE3069283;
        assertThat(TfEventReader.maskedCrc("123456789".getBytes(), 0, 9))
                .isEqualTo(((crc >>> 15) | (crc << 17)) + 0xa282ead8);
    }

    @Test
    void scalarsAndTensors_underEveryDirectory_areReported_tensorsFirst() throws Exception {
        write("train/events.out.tfevents.1.host", records(event(1_700_000_000.75, 0, null),
                event(1_700_000_001.5, 1, simpleValue("loss", 0.1f)),
                event(1_700_000_002, 2, simpleValue("loss", 0.05f)),
                event(1_700_000_002, 2, floatTensor("accuracy", 0.8f))));
        write("test/events.out.tfevents.2.host", records(event(1_700_000_003, 2, floatTensor("accuracy", 0.9f)),
                event(1_700_000_004, 3, doubleTensorContent("accuracy_top5", 1e-5)),
                event(1_700_000_004, 3, vectorTensor("accuracy_hist"))));

        List<String> warnings = new ArrayList<>();
        List<MetricLog> logs = collect(List.of("accuracy", "loss"), warnings);

        assertThat(warnings).isEmpty();
        assertThat(logs).containsExactly(
                new MetricLog("2023-11-14T22:13:23Z", "accuracy", "0.9"),
                new MetricLog("2023-11-14T22:13:24Z", "accuracy", "1e-05"),
                new MetricLog("2023-11-14T22:13:22Z", "accuracy", "0.8"),
                new MetricLog("2023-11-14T22:13:21Z", "loss", "0.10000000149011612"),
                new MetricLog("2023-11-14T22:13:22Z", "loss", "0.05000000074505806"));
    }

    @Test
    void metricWithADirectory_readsOnlyFilesUnderThatDirectory() throws Exception {
        write("train/events.a", records(event(10, 1, floatTensor("accuracy", 0.1f))));
        write("run1/test/events.b", records(event(20, 1, floatTensor("accuracy", 0.7f))));

        List<MetricLog> logs = collect(List.of("test/accuracy"), new ArrayList<>());

        assertThat(logs).containsExactly(new MetricLog("1970-01-01T00:00:20Z", "test/accuracy", "0.7"));
    }

    @Test
    void corruptFiles_areSkippedWithAWarning_andACutRecordEndsItsFile() throws Exception {
        write("a/notes.txt", "loss=0.3\nthis is not a TFRecord file at all".getBytes());
        byte[] good = records(event(30, 1, simpleValue("loss", 0.5f)), event(31, 2, simpleValue("loss", 0.25f)));
        write("b/events.cut", java.util.Arrays.copyOf(good, good.length - 3));
        byte[] flipped = records(event(40, 1, simpleValue("loss", 0.75f)));
        flipped[flipped.length - 6] ^= 1;
        write("c/events.flipped", flipped);

        List<String> warnings = new ArrayList<>();
        List<MetricLog> logs = collect(List.of("loss"), warnings);

        assertThat(logs).containsExactly(new MetricLog("1970-01-01T00:00:30Z", "loss", "0.5"));
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).contains("notes.txt").contains("not a TFRecord file");
        assertThat(warnings.get(1)).contains("events.flipped").contains("checksum");
    }

    @Test
    void objectiveNeverSeen_isOneUnavailableLog_atNow() throws Exception {
        write("events.x", records(event(50, 1, simpleValue("loss", 0.5f))));

        assertThat(collect(List.of("accuracy", "loss"), new ArrayList<>()))
                .containsExactly(new MetricLog("2026-01-02T03:04:05Z", "accuracy", "unavailable"));
        assertThat(TfEventReader.collect(dir.resolve("missing"), List.of("accuracy"), f -> true, new ArrayList<>(),
                NOW)).extracting(MetricLog::value).containsExactly("unavailable");
    }

    @Test
    void pythonFloatFormatting_matchesPython() throws Exception {
        double[] doubles = { 0.1, 1e-05, 0.0001, 123456789.125, 1e16, 1.5e16, -2.5e-7, 100.0, 3.0, (double) 0.1f };
        StringBuilder script = new StringBuilder("print(';'.join(str(v) for v in [");
        List<String> ours = new ArrayList<>();
        for (double d : doubles) {
            script.append("float.fromhex('").append(Double.toHexString(d)).append("'),");
            ours.add(PythonFloats.repr(d));
        }
        script.append("]))");
        Process python = new ProcessBuilder("/usr/bin/python3", "-c", script.toString()).start();
        String expected = new String(python.getInputStream().readAllBytes()).trim();
        assertThat(python.waitFor()).isZero();

        assertThat(String.join(";", ours)).isEqualTo(expected);
        assertThat(PythonFloats.repr(0.1f)).isEqualTo("0.1");
        assertThat(PythonFloats.repr(Float.NaN)).isEqualTo("nan");
    }
}
