ARG PYTHON_VERSION
FROM python:3.12.2-slim-bookworm AS builder
RUN pip wheel --wheel-dir /wheels -r requirements.txt

FROM --platform=linux/amd64 gcr.io/distroless/python3-debian12:nonroot
COPY --from=builder /wheels /wheels
