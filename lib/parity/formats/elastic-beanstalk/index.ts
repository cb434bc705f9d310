import type { Format } from "../../types";
import { extractDockerrun } from "./extract";

/**
 * AWS Elastic Beanstalk's Docker platform: `Dockerrun.aws.json`, version 1 (one `Image.Name`) or
 * version 2 (ECS-style `containerDefinitions`), the images an environment pulls on each deploy.
 * https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/single-container-docker-configuration.html
 */
export const elasticBeanstalkFormat = {
  id: "elastic-beanstalk",
  title: "Elastic Beanstalk (Dockerrun.aws.json)",
  patterns: ["**/Dockerrun.aws.json"],
  extract: (file, ctx) => extractDockerrun(file, ctx),
} satisfies Format;
