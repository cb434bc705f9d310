package com.acme.orders;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.containers.RabbitMQContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

@SpringBootTest
@Testcontainers
class OrderRepositoryIT {

    @Container
    static PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>("postgres:15.6-alpine")
        .withDatabaseName("orders");

    @Container
    static GenericContainer<?> redis = new GenericContainer<>(DockerImageName.parse("redis:7.2"))
        .withExposedPorts(6379);

    // static PostgreSQLContainer<?> old = new PostgreSQLContainer<>("postgres:12");

    @Container
    static RabbitMQContainer rabbit = new RabbitMQContainer();

    @Test
    void savesAnOrder() {
    }
}
