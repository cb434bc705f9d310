export { type AutomationMetrics, deployAutomation } from "./automation";
export { type ConcentrationMetrics, deployerConcentration } from "./concentration";
export { type Containment, type ContainmentMethod, firstContainingDeploys } from "./containment";
export { analyzeHistory, type HistoryContext, type TimedCommit, type WindowLabel } from "./context";
export { type DeployFrequencyMetrics, deployFrequency } from "./deploy-frequency";
export { DORA_BANDS_2023, type DoraBand, type DoraBandTable, doraBand } from "./dora-bands";
export { type InfraOwnershipMetrics, infraOwnership, isApplicationCode, isDeployDefinition } from "./infra-ownership";
export { type CommitLeadTime, type LeadTimeMetrics, leadTime } from "./lead-time";
export { isBotPerson } from "./people";
export {
  DEPLOY_SIGNALS,
  type DeploySignal,
  isProductionEnvironment,
  type ProductionDeploy,
  productionDeploys,
} from "./production";
export { type SelfDeployMetrics, type Shipper, selfDeploy, shipperOf } from "./self-deploy";
export { formatDuration, WINDOW_DAYS } from "./time";
export { type UndeployedMetrics, undeployedChanges } from "./undeployed";
