import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

// Registered on the dev server at start (see scripts/lib/temporal-cli.mjs); operators filter by them.
export const MEMBER_ID = defineSearchAttributeKey('MemberId', SearchAttributeType.KEYWORD);
export const APPLICATION_ID = defineSearchAttributeKey('ApplicationId', SearchAttributeType.KEYWORD);
export const FLOW_STATUS = defineSearchAttributeKey('FlowStatus', SearchAttributeType.KEYWORD);

/** Every key above by name: the dev server registers exactly these (a spec holds the script to it). */
export const SEARCH_ATTRIBUTE_NAMES = [MEMBER_ID.name, APPLICATION_ID.name, FLOW_STATUS.name] as const;
