package dev.quarkflow.common.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What every Quarkflow service promises its probes: SmallRye Health answers UP on both endpoints.
 * A service's test extends it and adds {@code @QuarkusTest}.
 */
public abstract class HealthEndpointsContract {

    @Test
    void liveness_reportsUp() {
        String status = given().when().get("/q/health/live")
                .then().statusCode(200).extract().path("status");

        assertThat(status).isEqualTo("UP");
    }

    @Test
    void readiness_reportsUp() {
        String status = given().when().get("/q/health/ready")
                .then().statusCode(200).extract().path("status");

        assertThat(status).isEqualTo("UP");
    }
}
