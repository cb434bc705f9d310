import type { Format } from "../types";
import { composeFormat } from "./compose";
import { devcontainerFormat } from "./devcontainer";
import { djangoFormat } from "./django";
import { dockerStackFormat } from "./docker-stack";
import { dockerfileFormat } from "./dockerfile";
import { docsVersionsFormat } from "./docs-versions";
import { droneFormat } from "./drone";
import { elasticBeanstalkFormat } from "./elastic-beanstalk";
import { envFileFormat } from "./env-file";
import { envSelectorsFormat } from "./env-selectors";
import { flaskFormat } from "./flask";
import { flyFormat } from "./fly";
import { githubActionsFormat } from "./github-actions";
import { helmFormat } from "./helm";
import { herokuFormat } from "./heroku";
import { kubernetesFormat } from "./kubernetes";
import { kustomizeFormat } from "./kustomize";
import { laravelFormat } from "./laravel";
import { nodeOrmFormat } from "./node-orm";
import { railsFormat } from "./rails";
import { railwayFormat } from "./railway";
import { renderFormat } from "./render";
import { runtimeVersionsFormat } from "./runtime-versions";
import { serverlessFormat } from "./serverless";
import { skaffoldFormat } from "./skaffold";
import { springFormat } from "./spring";
import { terraformFormat } from "./terraform";
import { testDoublesFormat } from "./test-doubles";
import { testcontainersFormat } from "./testcontainers";
import { tiltFormat } from "./tilt";
import { travisFormat } from "./travis";

/**
 * The formats registry: adding a format is adding a folder under lib/parity/formats/ and one
 * line here. Order does not matter: a path may be claimed by several formats.
 */
export const FORMATS: readonly Format[] = [
  composeFormat,
  dockerfileFormat,
  envFileFormat,
  envSelectorsFormat,
  runtimeVersionsFormat,
  docsVersionsFormat,
  devcontainerFormat,
  githubActionsFormat,
  kubernetesFormat,
  dockerStackFormat,
  skaffoldFormat,
  tiltFormat,
  kustomizeFormat,
  helmFormat,
  flyFormat,
  elasticBeanstalkFormat,
  renderFormat,
  herokuFormat,
  railwayFormat,
  serverlessFormat,
  terraformFormat,
  railsFormat,
  djangoFormat,
  flaskFormat,
  springFormat,
  laravelFormat,
  nodeOrmFormat,
  testcontainersFormat,
  testDoublesFormat,
  travisFormat,
  droneFormat,
];
