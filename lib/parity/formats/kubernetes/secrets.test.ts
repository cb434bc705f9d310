import { describe, expect, it } from "vitest";
import { kubernetesFormat } from "./index";

const ctx = { paths: [], readFile: () => undefined };

// Service-binding Secrets (as sample apps ship them) carry connection facts beside the password.
const serviceBinding = `apiVersion: v1
kind: Secret
metadata:
  name: shop-db
type: servicebinding.io/postgresql
stringData:
  type: "postgresql"
  host: "shop-db"
  port: "5432"
  username: "shop"
  password: "hunter2"
`;

const tls = `apiVersion: v1
kind: Secret
metadata:
  name: shop-tls
type: kubernetes.io/tls
data:
  tls.crt: LS0tLS1CRUdJTi
  tls.key: LS0tLS1CRUdJTi
`;

describe("kubernetes: committed Secrets", () => {
  it("reports only the credentials of a service-binding Secret, redacted", () => {
    const result = kubernetesFormat.extract({ path: "k8s/db.yml", content: serviceBinding }, ctx);
    expect(result.literals).toEqual([{ key: "password", line: 11, value: "***" }]);
    expect(JSON.stringify(result)).not.toContain("hunter2");
  });

  it("reports every entry of a Secret whose type is a credential", () => {
    const result = kubernetesFormat.extract({ path: "k8s/tls.yml", content: tls }, ctx);
    expect(result.literals?.map((literal) => literal.key)).toEqual(["tls.crt", "tls.key"]);
  });
});
