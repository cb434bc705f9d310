import pytest
from testcontainers.postgres import PostgresContainer
from testcontainers.core.container import DockerContainer


@pytest.fixture(scope="session")
def database_url():
    with PostgresContainer("postgres:16.2", driver="psycopg") as postgres:
        yield postgres.get_connection_url()


@pytest.fixture(scope="session")
def search():
    with DockerContainer(image="opensearchproject/opensearch:2.13.0") as container:
        yield container
