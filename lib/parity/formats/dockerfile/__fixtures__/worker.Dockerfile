ARG GO_IMAGE=golang:1.22.3
ARG RUNTIME=${GO_IMAGE}
FROM ${RUNTIME} AS worker
RUN go build -o /worker ./cmd/worker
