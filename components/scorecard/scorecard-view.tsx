import { GitBranch } from "lucide-react";
import type { OfferedFixes } from "@/lib/parity/fixes/index";
import type { Report } from "@/lib/parity/types";
import type { SuppressionView } from "@/lib/suppressions/status";
import { CommitLink } from "../commit-link";
import type { AuditHistoryView, DeployView, ScorecardRepositoryView, TrendMarkerView, When } from "../dashboard-types";
import { formatRelative, toIso } from "../format";
import { InfoTip } from "../info-tip";
import { LevelBadge } from "../score";
import { OverallScoreExplained } from "../score-explained";
import { AuditHistory } from "./audit-history";
import { checkTexts } from "./check-details";
import { FilesRead } from "./files-read";
import { FindingsList } from "./findings-list";
import { GapCards } from "./gap-cards";
import { Deploys, historyCardsHaveCharts, ScoreTrend } from "./history-sections";
import { buildMatrixView } from "./matrix-model";
import { NextLevel } from "./next-level";
import { ReauditButton } from "./reaudit-button";
import { ServiceMatrix } from "./service-matrix";

export interface ScorecardViewProps {
  repository: ScorecardRepositoryView;
  report: Report;
  /** GitHub's web address (GITHUB_URL: github.com, a GHES host): every link to a file, commit or PR. */
  githubUrl: string;
  auditedAt: When;
  history: AuditHistoryView[];
  markers: TrendMarkerView[];
  deploys: DeployView[];
  /** The Monday (`YYYY-MM-DD`) the trend and deploy list start on, as the scorecard query read them. */
  windowStart: string;
  /** An audit still queued or running, so the progress shows after a reload. */
  runningAuditId?: number | null;
  /** Suppressions asked for from the findings list, not yet read by an audit (by fingerprint). */
  pendingSuppressions?: Record<string, SuppressionView>;
  /** The GitHub App is installed on the repository and can open a suppression's pull request. */
  pullRequestsOffered?: boolean;
  /** The proven fixes the latest audit offers (null for an audit made before fixes were planned). */
  fixes?: OfferedFixes | null;
  /** A GitHub writer exists for this viewer, so a fix can become a pull request from here. */
  fixesWritable?: boolean;
  now: Date;
}

/** The whole scorecard from plain data: the page only loads and passes it. */
export function ScorecardView(props: ScorecardViewProps) {
  const { repository, report, now } = props;
  const texts = checkTexts(report);
  const matrix = buildMatrixView(report, props.githubUrl);
  const onGitHub = { githubUrl: props.githubUrl, fullName: repository.fullName };
  const audited = toIso(props.auditedAt) ?? report.auditedAt;
  const charts = historyCardsHaveCharts(props.history, props.markers, props.deploys);
  const leadTime = report.metrics?.leadTimeHours;
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 space-y-1">
          <h1 className="break-words text-2xl font-semibold tracking-tight">{repository.fullName}</h1>
          <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-neutral-600 dark:text-neutral-400">
            <span className="inline-flex items-center gap-1">
              <GitBranch className="size-3.5" aria-hidden />
              {repository.defaultBranch ?? "default branch"}
              {report.commit ? (
                <>
                  {" @ "}
                  <CommitLink repository={onGitHub} sha={report.commit} className="font-mono" />
                </>
              ) : null}
            </span>
            <span>
              audited{" "}
              <time dateTime={audited} title={audited}>
                {formatRelative(audited, now)}
              </time>
            </span>
          </p>
        </div>
        <div className="flex items-start gap-4">
          <ReauditButton owner={repository.owner} name={repository.name} runningAuditId={props.runningAuditId} />
          <div className="text-right">
            <div className="text-3xl font-semibold tabular-nums leading-none">
              {report.scores.overall === null ? "—" : Math.round(report.scores.overall)}
            </div>
            <div className="mt-0.5 flex items-center justify-end gap-1 text-xs text-neutral-600 dark:text-neutral-400">
              overall
              <InfoTip label="How the overall score and the level are made">
                <OverallScoreExplained />
              </InfoTip>
            </div>
            <div className="mt-1">
              <LevelBadge level={report.level} />
            </div>
          </div>
        </div>
      </header>

      <NextLevel nextLevel={report.nextLevel} level={report.level} />
      <GapCards report={report} texts={texts} />
      <ServiceMatrix environments={matrix.environments} rows={matrix.rows} />
      <FindingsList
        report={report}
        githubUrl={props.githubUrl}
        texts={texts}
        pendingSuppressions={props.pendingSuppressions}
        pullRequestsOffered={props.pullRequestsOffered}
        repository={repository}
        fixes={props.fixes ?? null}
        fixesWritable={props.fixesWritable ?? false}
      />
      <FilesRead report={report} githubUrl={props.githubUrl} />
      {/* Side by side only when both have a chart: a card with one sentence beside a chart is half empty. */}
      <div className={charts.trend && charts.deploys ? "grid gap-4 lg:grid-cols-2" : "space-y-4"} data-history-cards>
        <ScoreTrend history={props.history} markers={props.markers} />
        <Deploys
          repository={onGitHub}
          deploys={props.deploys}
          windowStart={props.windowStart}
          scoredLeadTimeHours={typeof leadTime === "number" ? leadTime : null}
          coverage={report.metrics?.coverage}
        />
      </div>
      <AuditHistory
        repository={repository.fullName}
        githubUrl={props.githubUrl}
        history={props.history}
        markers={props.markers}
      />
    </div>
  );
}
