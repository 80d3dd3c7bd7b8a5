import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, MoreThan, type DataSource } from 'typeorm';
import { maskPhone } from '#app/audit';
import { SessionEntity } from '#app/auth';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { DomainError, ErrorCode } from '#app/core';
import { maskBusinessRegistrationNumber, MemberEntity } from '#app/members';
import { TemporalGateway } from '#app/temporal';

export interface MemberFlowView {
  readonly workflowId: string;
  readonly runId: string;
  readonly type: string;
  readonly startedAt: string;
  /** The flow in the Temporal Web UI (TEMPORAL_UI_URL). */
  readonly temporalUiUrl: string;
}

/** What a reviewer sees of a member: current data without secrets, BRN and phone masked. */
export interface MemberLookupView {
  readonly id: string;
  readonly loginId: string;
  readonly memberType: string;
  readonly name: string;
  readonly businessName: string | null;
  readonly businessRegistrationNumber: string | null;
  readonly mobilePhone: string;
  readonly language: string;
  readonly serviceArea: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly locked: boolean;
  /** Live (not revoked, not expired) member sessions. */
  readonly activeSessions: number;
  /** Running workflows of this member; null when Temporal could not be asked. */
  readonly openFlows: MemberFlowView[] | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FLOW_LIST_LIMIT = 20;
const LIST_DEADLINE_MS = 3_000;

/** Read-only member lookup for reviewers (product.md §6). */
@Injectable()
export class MemberLookupService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly temporal: TemporalGateway,
  ) {}

  async lookup(memberId: string): Promise<MemberLookupView> {
    if (!UUID.test(memberId)) throw new DomainError(ErrorCode.NOT_FOUND, 'No such member');
    const member = await this.dataSource.manager.findOneBy(MemberEntity, { id: memberId.toLowerCase() });
    if (!member) throw new DomainError(ErrorCode.NOT_FOUND, 'No such member');
    const now = new Date();
    const activeSessions = await this.dataSource.manager.countBy(SessionEntity, {
      memberId: member.id,
      revokedAt: IsNull(),
      idleExpiresAt: MoreThan(now),
      absoluteExpiresAt: MoreThan(now),
    });
    return {
      id: member.id,
      loginId: member.loginId,
      memberType: member.memberType,
      name: member.name,
      businessName: member.businessName,
      businessRegistrationNumber: maskBusinessRegistrationNumber(member.businessRegistrationNumber),
      mobilePhone: maskPhone(member.mobilePhone),
      language: member.language,
      serviceArea: member.serviceArea,
      createdAt: member.createdAt.toISOString(),
      updatedAt: member.updatedAt.toISOString(),
      locked: member.lockedUntil !== null && member.lockedUntil > now,
      activeSessions,
      openFlows: await this.openFlows(member.id),
    };
  }

  /** Running flows by the MemberId search attribute; the lookup still answers when Temporal does not. */
  private async openFlows(memberId: string): Promise<MemberFlowView[] | null> {
    try {
      const client = await this.temporal.client();
      const flows: MemberFlowView[] = [];
      await client.connection.withDeadline(Date.now() + LIST_DEADLINE_MS, async () => {
        // memberId is a validated UUID: nothing in it can change the query.
        for await (const execution of client.workflow.list({ query: `MemberId="${memberId}" AND ExecutionStatus="Running"`, pageSize: FLOW_LIST_LIMIT })) {
          flows.push({
            workflowId: execution.workflowId,
            runId: execution.runId,
            type: execution.type,
            startedAt: execution.startTime.toISOString(),
            temporalUiUrl: this.temporalUiUrl(execution.workflowId, execution.runId),
          });
          if (flows.length >= FLOW_LIST_LIMIT) break;
        }
      });
      return flows;
    } catch {
      return null;
    }
  }

  private temporalUiUrl(workflowId: string, runId: string): string {
    const namespace = encodeURIComponent(this.config.temporal.namespace);
    return `${this.config.temporalUiUrl}/namespaces/${namespace}/workflows/${encodeURIComponent(workflowId)}/${encodeURIComponent(runId)}/history`;
  }
}
