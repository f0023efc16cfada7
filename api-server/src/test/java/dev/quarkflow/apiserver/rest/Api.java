package dev.quarkflow.apiserver.rest;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.quarkflow.common.testing.SharedFixtures;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** REST helpers for the API tests: what kfp.Client sends, over a real socket. */
final class Api {

    static final String BASE = "/apis/v2beta1";

    private Api() {
    }

    static RequestSpecification json() {
        return given().contentType("application/json");
    }

    static Response upload(String fileName, byte[] content, String name) {
        RequestSpecification request = given().multiPart("uploadfile", fileName, content);
        if (name != null) {
            request = request.queryParam("name", name);
        }
        return request.post(BASE + "/pipelines/upload");
    }

    static Response uploadCorpus(String relative, String name) {
        Path file = SharedFixtures.conformance("kfp").resolve(relative);
        return upload(file.getFileName().toString(), bytes(file), name);
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(Path file) {
        return new String(bytes(file), java.nio.charset.StandardCharsets.UTF_8);
    }
}
