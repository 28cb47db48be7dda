/* eslint-disable @typescript-eslint/no-explicit-any -- the preset types graphql() overloads with any */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment ProfileSummary on Profile {\n    id\n    displayName\n    headline\n  }\n": typeof types.ProfileSummaryFragmentDoc,
    "\n  fragment ParticipantFields on Participant {\n    id\n    role\n    handRaisedAt\n    handRaiseQuestion\n    invitedToStageAt\n    muted\n    connected\n    joinedAt\n    profile {\n      ...ProfileSummary\n    }\n  }\n": typeof types.ParticipantFieldsFragmentDoc,
    "\n  fragment RoomCardFields on Room {\n    id\n    title\n    status\n    visibility\n    scheduledFor\n    calendarUrl\n    startedAt\n    listenerCount\n    topics {\n      slug\n      name\n    }\n    host {\n      ...ProfileSummary\n    }\n    reminderCount\n    viewerWantsReminder\n  }\n": typeof types.RoomCardFieldsFragmentDoc,
    "\n  fragment AudioAccessFields on AudioAccess {\n    serverUrl\n    token\n    expiresAt\n    canPublish\n  }\n": typeof types.AudioAccessFieldsFragmentDoc,
    "\n  fragment ProfileFields on Profile {\n    id\n    displayName\n    headline\n    company\n    industry\n    seniority\n    skills\n    interests {\n      slug\n      name\n    }\n    followerCount\n    followingCount\n    viewerFollows\n    viewerBlocks\n    viewerNotifications\n  }\n": typeof types.ProfileFieldsFragmentDoc,
    "\n  query Viewer {\n    viewer {\n      ...ProfileSummary\n    }\n    viewerIsStaff\n  }\n": typeof types.ViewerDocument,
    "\n  query Home {\n    recommendedRooms(first: 10) {\n      modelVersion\n      mode\n      items {\n        score\n        reasons\n        room {\n          ...RoomCardFields\n        }\n      }\n    }\n  }\n": typeof types.HomeDocument,
    "\n  query Rooms($filter: RoomFilter, $after: String) {\n    rooms(filter: $filter, first: 20, after: $after) {\n      edges {\n        cursor\n        node {\n          ...RoomCardFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.RoomsDocument,
    "\n  query Topics {\n    topics {\n      slug\n      name\n    }\n  }\n": typeof types.TopicsDocument,
    "\n  query Room($id: ID!, $audienceFirst: Int!) {\n    room(id: $id) {\n      id\n      title\n      description\n      status\n      visibility\n      scheduledFor\n      calendarUrl\n      startedAt\n      endedAt\n      maxSpeakers\n      version\n      listenerCount\n      screensQuestions\n      chatMode\n      chatSlowModeSeconds\n      pinnedLinks {\n        ...PinnedLinkFields\n      }\n      topics {\n        slug\n        name\n      }\n      host {\n        ...ProfileSummary\n      }\n      stage {\n        ...ParticipantFields\n      }\n      audience(first: $audienceFirst) {\n        edges {\n          node {\n            ...ParticipantFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        totalCount\n      }\n      raisedHands {\n        ...ParticipantFields\n      }\n      viewerParticipant {\n        ...ParticipantFields\n      }\n    }\n  }\n": typeof types.RoomDocument,
    "\n  query Audience($id: ID!, $first: Int!, $after: String) {\n    room(id: $id) {\n      id\n      audience(first: $first, after: $after) {\n        edges {\n          node {\n            ...ParticipantFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        totalCount\n      }\n    }\n  }\n": typeof types.AudienceDocument,
    "\n  query ProfilePage($id: ID!) {\n    profile(id: $id) {\n      ...ProfileFields\n    }\n  }\n": typeof types.ProfilePageDocument,
    "\n  mutation UpdateViewerProfile($input: UpdateProfileInput!) {\n    updateViewerProfile(input: $input) {\n      ...ProfileFields\n    }\n  }\n": typeof types.UpdateViewerProfileDocument,
    "\n  mutation Follow($profileId: ID!) {\n    follow(profileId: $profileId) {\n      ...ProfileFields\n    }\n  }\n": typeof types.FollowDocument,
    "\n  mutation Unfollow($profileId: ID!) {\n    unfollow(profileId: $profileId) {\n      ...ProfileFields\n    }\n  }\n": typeof types.UnfollowDocument,
    "\n  fragment GroupStandingFields on Group {\n    id\n    name\n    description\n    memberCount\n    joinPolicy\n    viewerIsMember\n    viewerIsInvited\n    viewerMembership {\n      role\n    }\n    viewerJoinRequest {\n      id\n      status\n    }\n  }\n": typeof types.GroupStandingFieldsFragmentDoc,
    "\n  query GroupPage($id: ID!) {\n    group(id: $id) {\n      ...GroupStandingFields\n      rooms {\n        ...RoomCardFields\n      }\n    }\n  }\n": typeof types.GroupPageDocument,
    "\n  query GroupJoinRequests($id: ID!, $first: Int, $after: String) {\n    group(id: $id) {\n      id\n      joinRequests(first: $first, after: $after) {\n        edges {\n          node {\n            id\n            status\n            requestedAt\n            profile {\n              ...ProfileSummary\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.GroupJoinRequestsDocument,
    "\n  query GroupDirectory($search: String, $first: Int, $after: String) {\n    groups(search: $search, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          name\n          description\n          memberCount\n          joinPolicy\n          viewerIsMember\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.GroupDirectoryDocument,
    "\n  mutation RequestToJoinGroup($groupId: ID!) {\n    requestToJoinGroup(groupId: $groupId) {\n      ...GroupStandingFields\n    }\n  }\n": typeof types.RequestToJoinGroupDocument,
    "\n  mutation ApproveGroupJoinRequest($requestId: ID!) {\n    approveGroupJoinRequest(requestId: $requestId) {\n      id\n      status\n      group {\n        id\n        memberCount\n      }\n    }\n  }\n": typeof types.ApproveGroupJoinRequestDocument,
    "\n  mutation DeclineGroupJoinRequest($requestId: ID!) {\n    declineGroupJoinRequest(requestId: $requestId) {\n      id\n      status\n    }\n  }\n": typeof types.DeclineGroupJoinRequestDocument,
    "\n  mutation LeaveGroup($groupId: ID!) {\n    leaveGroup(groupId: $groupId) {\n      ...GroupStandingFields\n    }\n  }\n": typeof types.LeaveGroupDocument,
    "\n  mutation InviteToGroup($groupId: ID!, $profileId: ID!) {\n    inviteToGroup(groupId: $groupId, profileId: $profileId) {\n      id\n      memberCount\n    }\n  }\n": typeof types.InviteToGroupDocument,
    "\n  query ViewerGroups($first: Int, $after: String) {\n    viewerGroups(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          name\n          description\n          memberCount\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ViewerGroupsDocument,
    "\n  query SearchProfiles($query: String!, $first: Int, $after: String) {\n    searchProfiles(query: $query, first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          displayName\n          headline\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.SearchProfilesDocument,
    "\n  mutation CreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.CreateGroupDocument,
    "\n  mutation JoinGroup($groupId: ID!) {\n    joinGroup(groupId: $groupId) {\n      ...GroupStandingFields\n    }\n  }\n": typeof types.JoinGroupDocument,
    "\n  mutation CreateRoom($input: CreateRoomInput!) {\n    createRoom(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateRoomDocument,
    "\n  mutation JoinRoom($roomId: ID!) {\n    joinRoom(roomId: $roomId) {\n      participant {\n        ...ParticipantFields\n      }\n      audio {\n        ...AudioAccessFields\n      }\n    }\n  }\n": typeof types.JoinRoomDocument,
    "\n  mutation RefreshAudio($roomId: ID!) {\n    refreshAudioAccess(roomId: $roomId) {\n      ...AudioAccessFields\n    }\n  }\n": typeof types.RefreshAudioDocument,
    "\n  mutation LeaveRoom($roomId: ID!) {\n    leaveRoom(roomId: $roomId) {\n      id\n    }\n  }\n": typeof types.LeaveRoomDocument,
    "\n  mutation StartRoom($roomId: ID!) {\n    startRoom(roomId: $roomId) {\n      id\n      status\n    }\n  }\n": typeof types.StartRoomDocument,
    "\n  mutation EndRoom($roomId: ID!) {\n    endRoom(roomId: $roomId) {\n      id\n      status\n    }\n  }\n": typeof types.EndRoomDocument,
    "\n  mutation RaiseHand($roomId: ID!, $question: String) {\n    raiseHand(roomId: $roomId, question: $question) {\n      ...ParticipantFields\n    }\n  }\n": typeof types.RaiseHandDocument,
    "\n  mutation LowerHand($roomId: ID!) {\n    lowerHand(roomId: $roomId) {\n      ...ParticipantFields\n    }\n  }\n": typeof types.LowerHandDocument,
    "\n  mutation AcceptInvite($roomId: ID!) {\n    acceptStageInvite(roomId: $roomId) {\n      ...ParticipantFields\n    }\n  }\n": typeof types.AcceptInviteDocument,
    "\n  mutation DeclineInvite($roomId: ID!) {\n    declineStageInvite(roomId: $roomId) {\n      ...ParticipantFields\n    }\n  }\n": typeof types.DeclineInviteDocument,
    "\n  mutation UnmuteSelf($roomId: ID!) {\n    unmuteSelf(roomId: $roomId) {\n      ...ParticipantFields\n    }\n  }\n": typeof types.UnmuteSelfDocument,
    "\n  mutation InviteToStage($roomId: ID!, $profileId: ID!) {\n    inviteToStage(roomId: $roomId, profileId: $profileId) {\n      ...ParticipantFields\n    }\n  }\n": typeof types.InviteToStageDocument,
    "\n  mutation MoveToAudience($roomId: ID!, $profileId: ID!) {\n    moveToAudience(roomId: $roomId, profileId: $profileId) {\n      ...ParticipantFields\n    }\n  }\n": typeof types.MoveToAudienceDocument,
    "\n  mutation Mute($roomId: ID!, $profileId: ID!) {\n    muteParticipant(roomId: $roomId, profileId: $profileId) {\n      ...ParticipantFields\n    }\n  }\n": typeof types.MuteDocument,
    "\n  mutation SetModerator($roomId: ID!, $profileId: ID!, $moderator: Boolean!) {\n    setModerator(roomId: $roomId, profileId: $profileId, moderator: $moderator) {\n      ...ParticipantFields\n    }\n  }\n": typeof types.SetModeratorDocument,
    "\n  mutation Remove($roomId: ID!, $profileId: ID!, $ban: Boolean) {\n    removeParticipant(roomId: $roomId, profileId: $profileId, ban: $ban) {\n      id\n    }\n  }\n": typeof types.RemoveDocument,
    "\n  fragment QuestionFields on Question {\n    id\n    text\n    status\n    anonymous\n    askInPerson\n    upvoteCount\n    viewerHasUpvoted\n    createdAt\n    answeredAt\n    asker {\n      ...ProfileSummary\n    }\n    mergedQuestions {\n      id\n      text\n    }\n  }\n": typeof types.QuestionFieldsFragmentDoc,
    "\n  query RoomQuestions($id: ID!, $status: [QuestionStatus!], $order: QuestionOrder!, $first: Int!, $after: String) {\n    room(id: $id) {\n      id\n      version\n      screensQuestions\n      questions(status: $status, order: $order, first: $first, after: $after) {\n        edges {\n          node {\n            ...QuestionFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        totalCount\n      }\n    }\n  }\n": typeof types.RoomQuestionsDocument,
    "\n  mutation AskQuestion($input: AskQuestionInput!) {\n    askQuestion(input: $input) {\n      ...QuestionFields\n    }\n  }\n": typeof types.AskQuestionDocument,
    "\n  mutation UpvoteQuestion($questionId: ID!) {\n    upvoteQuestion(questionId: $questionId) {\n      ...QuestionFields\n    }\n  }\n": typeof types.UpvoteQuestionDocument,
    "\n  mutation RemoveQuestionUpvote($questionId: ID!) {\n    removeQuestionUpvote(questionId: $questionId) {\n      ...QuestionFields\n    }\n  }\n": typeof types.RemoveQuestionUpvoteDocument,
    "\n  mutation WithdrawQuestion($questionId: ID!) {\n    withdrawQuestion(questionId: $questionId) {\n      ...QuestionFields\n    }\n  }\n": typeof types.WithdrawQuestionDocument,
    "\n  mutation ScreenQuestion($questionId: ID!, $approve: Boolean!) {\n    screenQuestion(questionId: $questionId, approve: $approve) {\n      ...QuestionFields\n    }\n  }\n": typeof types.ScreenQuestionDocument,
    "\n  mutation AnswerQuestion($questionId: ID!, $inviteAsker: Boolean) {\n    answerQuestion(questionId: $questionId, inviteAsker: $inviteAsker) {\n      ...QuestionFields\n    }\n  }\n": typeof types.AnswerQuestionDocument,
    "\n  mutation MarkQuestionAnswered($questionId: ID!) {\n    markQuestionAnswered(questionId: $questionId) {\n      ...QuestionFields\n    }\n  }\n": typeof types.MarkQuestionAnsweredDocument,
    "\n  mutation DismissQuestion($questionId: ID!) {\n    dismissQuestion(questionId: $questionId) {\n      ...QuestionFields\n    }\n  }\n": typeof types.DismissQuestionDocument,
    "\n  mutation MergeQuestions($intoId: ID!, $questionIds: [ID!]!) {\n    mergeQuestions(intoId: $intoId, questionIds: $questionIds) {\n      ...QuestionFields\n    }\n  }\n": typeof types.MergeQuestionsDocument,
    "\n  mutation SetQuestionScreening($roomId: ID!, $screensQuestions: Boolean!) {\n    updateRoomConversation(input: { roomId: $roomId, screensQuestions: $screensQuestions }) {\n      id\n      screensQuestions\n    }\n  }\n": typeof types.SetQuestionScreeningDocument,
    "\n  fragment PinnedLinkFields on PinnedLink {\n    url\n    title\n    pinnedAt\n    pinnedBy {\n      id\n      displayName\n    }\n  }\n": typeof types.PinnedLinkFieldsFragmentDoc,
    "\n  fragment ChatMessageFields on ChatMessage {\n    id\n    text\n    deleted\n    createdAt\n    author {\n      ...ProfileSummary\n    }\n    mentions {\n      id\n      displayName\n    }\n  }\n": typeof types.ChatMessageFieldsFragmentDoc,
    "\n  query RoomChat($id: ID!, $first: Int!, $after: String) {\n    room(id: $id) {\n      id\n      chatMessages(first: $first, after: $after) {\n        edges {\n          node {\n            ...ChatMessageFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.RoomChatDocument,
    "\n  mutation SendChatMessage($roomId: ID!, $text: String!) {\n    sendChatMessage(roomId: $roomId, text: $text) {\n      ...ChatMessageFields\n    }\n  }\n": typeof types.SendChatMessageDocument,
    "\n  mutation DeleteChatMessage($messageId: ID!) {\n    deleteChatMessage(messageId: $messageId) {\n      ...ChatMessageFields\n    }\n  }\n": typeof types.DeleteChatMessageDocument,
    "\n  subscription RoomConversation($roomId: ID!) {\n    roomConversation(roomId: $roomId) {\n      roomId\n      at\n      sampledOut\n      deletedMessageIds\n      messages {\n        ...ChatMessageFields\n      }\n      reactions {\n        reaction\n        count\n      }\n      questionVotes {\n        questionId\n        upvoteCount\n      }\n    }\n  }\n": typeof types.RoomConversationDocument,
    "\n  mutation React($roomId: ID!, $reaction: Reaction!) {\n    react(roomId: $roomId, reaction: $reaction)\n  }\n": typeof types.ReactDocument,
    "\n  mutation UpdateRoomConversation($input: UpdateRoomConversationInput!) {\n    updateRoomConversation(input: $input) {\n      id\n      chatMode\n      chatSlowModeSeconds\n      screensQuestions\n      pinnedLinks {\n        ...PinnedLinkFields\n      }\n    }\n  }\n": typeof types.UpdateRoomConversationDocument,
    "\n  subscription RoomEvents($roomId: ID!, $sinceVersion: Int) {\n    roomEvents(roomId: $roomId, sinceVersion: $sinceVersion) {\n      __typename\n      roomId\n      version\n      previousVersion\n      at\n      ... on ParticipantJoined {\n        participant {\n          ...ParticipantFields\n        }\n      }\n      ... on ParticipantLeft {\n        profileId\n      }\n      ... on AudienceChanged {\n        listenerCount\n        joined {\n          ...ParticipantFields\n        }\n        leftProfileIds\n      }\n      ... on HandRaised {\n        participant {\n          ...ParticipantFields\n        }\n      }\n      ... on HandLowered {\n        participant {\n          ...ParticipantFields\n        }\n      }\n      ... on StageInvitation {\n        participant {\n          ...ParticipantFields\n        }\n      }\n      ... on StageInvitationDeclined {\n        participant {\n          ...ParticipantFields\n        }\n      }\n      ... on RoleChanged {\n        participant {\n          ...ParticipantFields\n        }\n        previousRole\n      }\n      ... on ParticipantMuted {\n        participant {\n          ...ParticipantFields\n        }\n      }\n      ... on ParticipantUnmuted {\n        participant {\n          ...ParticipantFields\n        }\n      }\n      ... on ParticipantConnectionChanged {\n        participant {\n          ...ParticipantFields\n        }\n        connected\n      }\n      ... on ParticipantRemoved {\n        profileId\n        banned\n      }\n      ... on RoomStatusChanged {\n        status\n      }\n      ... on QuestionChanged {\n        questionId\n        question {\n          ...QuestionFields\n        }\n      }\n      ... on RoomConversationChanged {\n        screensQuestions\n        chatMode\n        chatSlowModeSeconds\n        pinnedLinks {\n          ...PinnedLinkFields\n        }\n      }\n    }\n  }\n": typeof types.RoomEventsDocument,
    "\n  mutation DismissHand($roomId: ID!, $profileId: ID!) {\n    dismissHand(roomId: $roomId, profileId: $profileId) {\n      ...ParticipantFields\n    }\n  }\n": typeof types.DismissHandDocument,
    "\n  mutation ReportAbuse($input: ReportAbuseInput!) {\n    reportAbuse(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.ReportAbuseDocument,
    "\n  mutation Block($profileId: ID!) {\n    block(profileId: $profileId) {\n      ...ProfileFields\n    }\n  }\n": typeof types.BlockDocument,
    "\n  mutation Unblock($profileId: ID!) {\n    unblock(profileId: $profileId) {\n      ...ProfileFields\n    }\n  }\n": typeof types.UnblockDocument,
    "\n  fragment NoticeFields on ModerationNotice {\n    id\n    subject {\n      id\n      displayName\n    }\n    action\n    category\n    reason\n    createdAt\n    expiresAt\n    room {\n      id\n      title\n    }\n    appeal {\n      id\n      status\n      statement\n      createdAt\n      decidedAt\n      decisionNote\n    }\n  }\n": typeof types.NoticeFieldsFragmentDoc,
    "\n  query ViewerNotices($after: String) {\n    viewerModerationNotices(first: 20, after: $after) {\n      edges {\n        node {\n          ...NoticeFields\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.ViewerNoticesDocument,
    "\n  mutation AppealDecision($input: AppealInput!) {\n    appealModerationDecision(input: $input) {\n      ...NoticeFields\n    }\n  }\n": typeof types.AppealDecisionDocument,
    "\n  query ModerationQueue($status: ReportStatus, $after: String) {\n    moderationQueue(status: $status, first: 20, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          category\n          details\n          status\n          action\n          createdAt\n          resolvedAt\n          resolutionNote\n          distinctReporters\n          room {\n            id\n            title\n          }\n          reportedProfile {\n            ...ProfileSummary\n          }\n          evidence {\n            capturedAt\n            roomTitle\n            roomVersion\n            reporterRole\n            reportedRole\n            reportedHandQuestion\n            reportedJoinedAt\n            questionText\n            chatContext {\n              messageId\n              at\n              text\n              reported\n              deleted\n              author {\n                id\n                displayName\n              }\n            }\n            stage {\n              profileId\n              displayName\n              role\n              muted\n            }\n            recentEvents {\n              type\n              version\n              at\n              profileId\n              profile {\n                id\n                displayName\n              }\n            }\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.ModerationQueueDocument,
    "\n  mutation ResolveReport($input: ResolveReportInput!) {\n    resolveReport(input: $input) {\n      id\n      status\n      action\n      resolutionNote\n      resolvedAt\n    }\n  }\n": typeof types.ResolveReportDocument,
    "\n  query ModerationAppeals($after: String) {\n    moderationAppeals(first: 20, after: $after) {\n      edges {\n        node {\n          ...NoticeFields\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.ModerationAppealsDocument,
    "\n  mutation ResolveAppeal($input: ResolveAppealInput!) {\n    resolveAppeal(input: $input) {\n      ...NoticeFields\n    }\n  }\n": typeof types.ResolveAppealDocument,
    "\n  query ModerationLog($after: String) {\n    moderationLog(first: 20, after: $after) {\n      edges {\n        node {\n          id\n          action\n          at\n          note\n          reportIds\n          actor {\n            ...ProfileSummary\n          }\n          subject {\n            ...ProfileSummary\n          }\n          room {\n            id\n            title\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.ModerationLogDocument,
    "\n  query HasNotices {\n    viewerModerationNotices(first: 1) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n": typeof types.HasNoticesDocument,
    "\n  fragment InsightGroupFields on InsightGroup {\n    label\n    listeners\n    share\n  }\n": typeof types.InsightGroupFieldsFragmentDoc,
    "\n  query RoomInsights($id: ID!) {\n    room(id: $id) {\n      id\n      insights {\n        uniqueListeners\n        peakListeners\n        medianListenSeconds\n        byIndustry {\n          ...InsightGroupFields\n        }\n        bySeniority {\n          ...InsightGroupFields\n        }\n        timeline {\n          at\n          listeners\n        }\n        questionsAsked\n        questionsAnswered\n        chatMessages\n        reactions {\n          reaction\n          count\n        }\n        minimumGroupSize\n        computedAt\n        nextRefreshAt\n      }\n    }\n  }\n": typeof types.RoomInsightsDocument,
    "\n  mutation SetFeedMode($mode: FeedMode!) {\n    setFeedMode(mode: $mode)\n  }\n": typeof types.SetFeedModeDocument,
    "\n  fragment HiddenRecommendationFields on HiddenRecommendation {\n    kind\n    cursor\n    createdAt\n    room {\n      id\n      title\n    }\n    host {\n      id\n      displayName\n    }\n    topic {\n      slug\n      name\n    }\n  }\n": typeof types.HiddenRecommendationFieldsFragmentDoc,
    "\n  mutation HideRecommendation($input: HideRecommendationInput!) {\n    hideRecommendation(input: $input) {\n      ...HiddenRecommendationFields\n    }\n  }\n": typeof types.HideRecommendationDocument,
    "\n  mutation UnhideRecommendation($input: HideRecommendationInput!) {\n    unhideRecommendation(input: $input)\n  }\n": typeof types.UnhideRecommendationDocument,
    "\n  query HiddenRecommendations($after: String) {\n    viewerHiddenRecommendations(first: 50, after: $after) {\n      ...HiddenRecommendationFields\n    }\n  }\n": typeof types.HiddenRecommendationsDocument,
    "\n  query RankingTransparency {\n    rankingTransparency {\n      modelVersion\n      explanation\n      options\n      parameters {\n        name\n        description\n        importance\n      }\n    }\n  }\n": typeof types.RankingTransparencyDocument,
    "\n  fragment RoomScheduleFields on Room {\n    id\n    status\n    scheduledFor\n    reminderCount\n    viewerWantsReminder\n    calendarUrl\n  }\n": typeof types.RoomScheduleFieldsFragmentDoc,
    "\n  query RoomSchedule($id: ID!) {\n    room(id: $id) {\n      ...RoomScheduleFields\n    }\n  }\n": typeof types.RoomScheduleDocument,
    "\n  mutation SetRoomReminder($roomId: ID!, $remind: Boolean!) {\n    setRoomReminder(roomId: $roomId, remind: $remind) {\n      ...RoomScheduleFields\n    }\n  }\n": typeof types.SetRoomReminderDocument,
    "\n  mutation RescheduleRoom($roomId: ID!, $scheduledFor: DateTime!) {\n    rescheduleRoom(roomId: $roomId, scheduledFor: $scheduledFor) {\n      ...RoomScheduleFields\n    }\n  }\n": typeof types.RescheduleRoomDocument,
    "\n  mutation CancelRoom($roomId: ID!) {\n    cancelRoom(roomId: $roomId) {\n      ...RoomScheduleFields\n    }\n  }\n": typeof types.CancelRoomDocument,
    "\n  mutation SetFollowNotifications($profileId: ID!, $level: FollowNotifications!) {\n    setFollowNotifications(profileId: $profileId, level: $level) {\n      ...ProfileFields\n    }\n  }\n": typeof types.SetFollowNotificationsDocument,
    "\n  fragment NotificationFields on Notification {\n    id\n    kind\n    count\n    createdAt\n    readAt\n    room {\n      id\n      title\n      status\n      scheduledFor\n    }\n    actor {\n      ...ProfileSummary\n    }\n  }\n": typeof types.NotificationFieldsFragmentDoc,
    "\n  query ViewerNotifications($first: Int, $after: String) {\n    viewerNotifications(first: $first, after: $after) {\n      edges {\n        node {\n          ...NotificationFields\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      unreadCount\n    }\n  }\n": typeof types.ViewerNotificationsDocument,
    "\n  query UnreadNotifications {\n    viewerNotifications(first: 1, unreadOnly: true) {\n      unreadCount\n    }\n  }\n": typeof types.UnreadNotificationsDocument,
    "\n  mutation MarkNotificationsRead($upToId: ID!) {\n    markNotificationsRead(upToId: $upToId)\n  }\n": typeof types.MarkNotificationsReadDocument,
    "\n  subscription ViewerNotificationAdded {\n    viewerNotificationAdded {\n      ...NotificationFields\n    }\n  }\n": typeof types.ViewerNotificationAddedDocument,
    "\n  subscription ViewerModerationNoticeChanged {\n    viewerModerationNoticeChanged {\n      ...NoticeFields\n    }\n  }\n": typeof types.ViewerModerationNoticeChangedDocument,
    "\n  query CalendarFeedUrl {\n    viewerCalendarFeedUrl\n  }\n": typeof types.CalendarFeedUrlDocument,
    "\n  mutation RotateCalendarFeed {\n    rotateCalendarFeed\n  }\n": typeof types.RotateCalendarFeedDocument,
};
const documents: Documents = {
    "\n  fragment ProfileSummary on Profile {\n    id\n    displayName\n    headline\n  }\n": types.ProfileSummaryFragmentDoc,
    "\n  fragment ParticipantFields on Participant {\n    id\n    role\n    handRaisedAt\n    handRaiseQuestion\n    invitedToStageAt\n    muted\n    connected\n    joinedAt\n    profile {\n      ...ProfileSummary\n    }\n  }\n": types.ParticipantFieldsFragmentDoc,
    "\n  fragment RoomCardFields on Room {\n    id\n    title\n    status\n    visibility\n    scheduledFor\n    calendarUrl\n    startedAt\n    listenerCount\n    topics {\n      slug\n      name\n    }\n    host {\n      ...ProfileSummary\n    }\n    reminderCount\n    viewerWantsReminder\n  }\n": types.RoomCardFieldsFragmentDoc,
    "\n  fragment AudioAccessFields on AudioAccess {\n    serverUrl\n    token\n    expiresAt\n    canPublish\n  }\n": types.AudioAccessFieldsFragmentDoc,
    "\n  fragment ProfileFields on Profile {\n    id\n    displayName\n    headline\n    company\n    industry\n    seniority\n    skills\n    interests {\n      slug\n      name\n    }\n    followerCount\n    followingCount\n    viewerFollows\n    viewerBlocks\n    viewerNotifications\n  }\n": types.ProfileFieldsFragmentDoc,
    "\n  query Viewer {\n    viewer {\n      ...ProfileSummary\n    }\n    viewerIsStaff\n  }\n": types.ViewerDocument,
    "\n  query Home {\n    recommendedRooms(first: 10) {\n      modelVersion\n      mode\n      items {\n        score\n        reasons\n        room {\n          ...RoomCardFields\n        }\n      }\n    }\n  }\n": types.HomeDocument,
    "\n  query Rooms($filter: RoomFilter, $after: String) {\n    rooms(filter: $filter, first: 20, after: $after) {\n      edges {\n        cursor\n        node {\n          ...RoomCardFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.RoomsDocument,
    "\n  query Topics {\n    topics {\n      slug\n      name\n    }\n  }\n": types.TopicsDocument,
    "\n  query Room($id: ID!, $audienceFirst: Int!) {\n    room(id: $id) {\n      id\n      title\n      description\n      status\n      visibility\n      scheduledFor\n      calendarUrl\n      startedAt\n      endedAt\n      maxSpeakers\n      version\n      listenerCount\n      screensQuestions\n      chatMode\n      chatSlowModeSeconds\n      pinnedLinks {\n        ...PinnedLinkFields\n      }\n      topics {\n        slug\n        name\n      }\n      host {\n        ...ProfileSummary\n      }\n      stage {\n        ...ParticipantFields\n      }\n      audience(first: $audienceFirst) {\n        edges {\n          node {\n            ...ParticipantFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        totalCount\n      }\n      raisedHands {\n        ...ParticipantFields\n      }\n      viewerParticipant {\n        ...ParticipantFields\n      }\n    }\n  }\n": types.RoomDocument,
    "\n  query Audience($id: ID!, $first: Int!, $after: String) {\n    room(id: $id) {\n      id\n      audience(first: $first, after: $after) {\n        edges {\n          node {\n            ...ParticipantFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        totalCount\n      }\n    }\n  }\n": types.AudienceDocument,
    "\n  query ProfilePage($id: ID!) {\n    profile(id: $id) {\n      ...ProfileFields\n    }\n  }\n": types.ProfilePageDocument,
    "\n  mutation UpdateViewerProfile($input: UpdateProfileInput!) {\n    updateViewerProfile(input: $input) {\n      ...ProfileFields\n    }\n  }\n": types.UpdateViewerProfileDocument,
    "\n  mutation Follow($profileId: ID!) {\n    follow(profileId: $profileId) {\n      ...ProfileFields\n    }\n  }\n": types.FollowDocument,
    "\n  mutation Unfollow($profileId: ID!) {\n    unfollow(profileId: $profileId) {\n      ...ProfileFields\n    }\n  }\n": types.UnfollowDocument,
    "\n  fragment GroupStandingFields on Group {\n    id\n    name\n    description\n    memberCount\n    joinPolicy\n    viewerIsMember\n    viewerIsInvited\n    viewerMembership {\n      role\n    }\n    viewerJoinRequest {\n      id\n      status\n    }\n  }\n": types.GroupStandingFieldsFragmentDoc,
    "\n  query GroupPage($id: ID!) {\n    group(id: $id) {\n      ...GroupStandingFields\n      rooms {\n        ...RoomCardFields\n      }\n    }\n  }\n": types.GroupPageDocument,
    "\n  query GroupJoinRequests($id: ID!, $first: Int, $after: String) {\n    group(id: $id) {\n      id\n      joinRequests(first: $first, after: $after) {\n        edges {\n          node {\n            id\n            status\n            requestedAt\n            profile {\n              ...ProfileSummary\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.GroupJoinRequestsDocument,
    "\n  query GroupDirectory($search: String, $first: Int, $after: String) {\n    groups(search: $search, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          name\n          description\n          memberCount\n          joinPolicy\n          viewerIsMember\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.GroupDirectoryDocument,
    "\n  mutation RequestToJoinGroup($groupId: ID!) {\n    requestToJoinGroup(groupId: $groupId) {\n      ...GroupStandingFields\n    }\n  }\n": types.RequestToJoinGroupDocument,
    "\n  mutation ApproveGroupJoinRequest($requestId: ID!) {\n    approveGroupJoinRequest(requestId: $requestId) {\n      id\n      status\n      group {\n        id\n        memberCount\n      }\n    }\n  }\n": types.ApproveGroupJoinRequestDocument,
    "\n  mutation DeclineGroupJoinRequest($requestId: ID!) {\n    declineGroupJoinRequest(requestId: $requestId) {\n      id\n      status\n    }\n  }\n": types.DeclineGroupJoinRequestDocument,
    "\n  mutation LeaveGroup($groupId: ID!) {\n    leaveGroup(groupId: $groupId) {\n      ...GroupStandingFields\n    }\n  }\n": types.LeaveGroupDocument,
    "\n  mutation InviteToGroup($groupId: ID!, $profileId: ID!) {\n    inviteToGroup(groupId: $groupId, profileId: $profileId) {\n      id\n      memberCount\n    }\n  }\n": types.InviteToGroupDocument,
    "\n  query ViewerGroups($first: Int, $after: String) {\n    viewerGroups(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          name\n          description\n          memberCount\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ViewerGroupsDocument,
    "\n  query SearchProfiles($query: String!, $first: Int, $after: String) {\n    searchProfiles(query: $query, first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          displayName\n          headline\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.SearchProfilesDocument,
    "\n  mutation CreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      id\n      name\n    }\n  }\n": types.CreateGroupDocument,
    "\n  mutation JoinGroup($groupId: ID!) {\n    joinGroup(groupId: $groupId) {\n      ...GroupStandingFields\n    }\n  }\n": types.JoinGroupDocument,
    "\n  mutation CreateRoom($input: CreateRoomInput!) {\n    createRoom(input: $input) {\n      id\n    }\n  }\n": types.CreateRoomDocument,
    "\n  mutation JoinRoom($roomId: ID!) {\n    joinRoom(roomId: $roomId) {\n      participant {\n        ...ParticipantFields\n      }\n      audio {\n        ...AudioAccessFields\n      }\n    }\n  }\n": types.JoinRoomDocument,
    "\n  mutation RefreshAudio($roomId: ID!) {\n    refreshAudioAccess(roomId: $roomId) {\n      ...AudioAccessFields\n    }\n  }\n": types.RefreshAudioDocument,
    "\n  mutation LeaveRoom($roomId: ID!) {\n    leaveRoom(roomId: $roomId) {\n      id\n    }\n  }\n": types.LeaveRoomDocument,
    "\n  mutation StartRoom($roomId: ID!) {\n    startRoom(roomId: $roomId) {\n      id\n      status\n    }\n  }\n": types.StartRoomDocument,
    "\n  mutation EndRoom($roomId: ID!) {\n    endRoom(roomId: $roomId) {\n      id\n      status\n    }\n  }\n": types.EndRoomDocument,
    "\n  mutation RaiseHand($roomId: ID!, $question: String) {\n    raiseHand(roomId: $roomId, question: $question) {\n      ...ParticipantFields\n    }\n  }\n": types.RaiseHandDocument,
    "\n  mutation LowerHand($roomId: ID!) {\n    lowerHand(roomId: $roomId) {\n      ...ParticipantFields\n    }\n  }\n": types.LowerHandDocument,
    "\n  mutation AcceptInvite($roomId: ID!) {\n    acceptStageInvite(roomId: $roomId) {\n      ...ParticipantFields\n    }\n  }\n": types.AcceptInviteDocument,
    "\n  mutation DeclineInvite($roomId: ID!) {\n    declineStageInvite(roomId: $roomId) {\n      ...ParticipantFields\n    }\n  }\n": types.DeclineInviteDocument,
    "\n  mutation UnmuteSelf($roomId: ID!) {\n    unmuteSelf(roomId: $roomId) {\n      ...ParticipantFields\n    }\n  }\n": types.UnmuteSelfDocument,
    "\n  mutation InviteToStage($roomId: ID!, $profileId: ID!) {\n    inviteToStage(roomId: $roomId, profileId: $profileId) {\n      ...ParticipantFields\n    }\n  }\n": types.InviteToStageDocument,
    "\n  mutation MoveToAudience($roomId: ID!, $profileId: ID!) {\n    moveToAudience(roomId: $roomId, profileId: $profileId) {\n      ...ParticipantFields\n    }\n  }\n": types.MoveToAudienceDocument,
    "\n  mutation Mute($roomId: ID!, $profileId: ID!) {\n    muteParticipant(roomId: $roomId, profileId: $profileId) {\n      ...ParticipantFields\n    }\n  }\n": types.MuteDocument,
    "\n  mutation SetModerator($roomId: ID!, $profileId: ID!, $moderator: Boolean!) {\n    setModerator(roomId: $roomId, profileId: $profileId, moderator: $moderator) {\n      ...ParticipantFields\n    }\n  }\n": types.SetModeratorDocument,
    "\n  mutation Remove($roomId: ID!, $profileId: ID!, $ban: Boolean) {\n    removeParticipant(roomId: $roomId, profileId: $profileId, ban: $ban) {\n      id\n    }\n  }\n": types.RemoveDocument,
    "\n  fragment QuestionFields on Question {\n    id\n    text\n    status\n    anonymous\n    askInPerson\n    upvoteCount\n    viewerHasUpvoted\n    createdAt\n    answeredAt\n    asker {\n      ...ProfileSummary\n    }\n    mergedQuestions {\n      id\n      text\n    }\n  }\n": types.QuestionFieldsFragmentDoc,
    "\n  query RoomQuestions($id: ID!, $status: [QuestionStatus!], $order: QuestionOrder!, $first: Int!, $after: String) {\n    room(id: $id) {\n      id\n      version\n      screensQuestions\n      questions(status: $status, order: $order, first: $first, after: $after) {\n        edges {\n          node {\n            ...QuestionFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        totalCount\n      }\n    }\n  }\n": types.RoomQuestionsDocument,
    "\n  mutation AskQuestion($input: AskQuestionInput!) {\n    askQuestion(input: $input) {\n      ...QuestionFields\n    }\n  }\n": types.AskQuestionDocument,
    "\n  mutation UpvoteQuestion($questionId: ID!) {\n    upvoteQuestion(questionId: $questionId) {\n      ...QuestionFields\n    }\n  }\n": types.UpvoteQuestionDocument,
    "\n  mutation RemoveQuestionUpvote($questionId: ID!) {\n    removeQuestionUpvote(questionId: $questionId) {\n      ...QuestionFields\n    }\n  }\n": types.RemoveQuestionUpvoteDocument,
    "\n  mutation WithdrawQuestion($questionId: ID!) {\n    withdrawQuestion(questionId: $questionId) {\n      ...QuestionFields\n    }\n  }\n": types.WithdrawQuestionDocument,
    "\n  mutation ScreenQuestion($questionId: ID!, $approve: Boolean!) {\n    screenQuestion(questionId: $questionId, approve: $approve) {\n      ...QuestionFields\n    }\n  }\n": types.ScreenQuestionDocument,
    "\n  mutation AnswerQuestion($questionId: ID!, $inviteAsker: Boolean) {\n    answerQuestion(questionId: $questionId, inviteAsker: $inviteAsker) {\n      ...QuestionFields\n    }\n  }\n": types.AnswerQuestionDocument,
    "\n  mutation MarkQuestionAnswered($questionId: ID!) {\n    markQuestionAnswered(questionId: $questionId) {\n      ...QuestionFields\n    }\n  }\n": types.MarkQuestionAnsweredDocument,
    "\n  mutation DismissQuestion($questionId: ID!) {\n    dismissQuestion(questionId: $questionId) {\n      ...QuestionFields\n    }\n  }\n": types.DismissQuestionDocument,
    "\n  mutation MergeQuestions($intoId: ID!, $questionIds: [ID!]!) {\n    mergeQuestions(intoId: $intoId, questionIds: $questionIds) {\n      ...QuestionFields\n    }\n  }\n": types.MergeQuestionsDocument,
    "\n  mutation SetQuestionScreening($roomId: ID!, $screensQuestions: Boolean!) {\n    updateRoomConversation(input: { roomId: $roomId, screensQuestions: $screensQuestions }) {\n      id\n      screensQuestions\n    }\n  }\n": types.SetQuestionScreeningDocument,
    "\n  fragment PinnedLinkFields on PinnedLink {\n    url\n    title\n    pinnedAt\n    pinnedBy {\n      id\n      displayName\n    }\n  }\n": types.PinnedLinkFieldsFragmentDoc,
    "\n  fragment ChatMessageFields on ChatMessage {\n    id\n    text\n    deleted\n    createdAt\n    author {\n      ...ProfileSummary\n    }\n    mentions {\n      id\n      displayName\n    }\n  }\n": types.ChatMessageFieldsFragmentDoc,
    "\n  query RoomChat($id: ID!, $first: Int!, $after: String) {\n    room(id: $id) {\n      id\n      chatMessages(first: $first, after: $after) {\n        edges {\n          node {\n            ...ChatMessageFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.RoomChatDocument,
    "\n  mutation SendChatMessage($roomId: ID!, $text: String!) {\n    sendChatMessage(roomId: $roomId, text: $text) {\n      ...ChatMessageFields\n    }\n  }\n": types.SendChatMessageDocument,
    "\n  mutation DeleteChatMessage($messageId: ID!) {\n    deleteChatMessage(messageId: $messageId) {\n      ...ChatMessageFields\n    }\n  }\n": types.DeleteChatMessageDocument,
    "\n  subscription RoomConversation($roomId: ID!) {\n    roomConversation(roomId: $roomId) {\n      roomId\n      at\n      sampledOut\n      deletedMessageIds\n      messages {\n        ...ChatMessageFields\n      }\n      reactions {\n        reaction\n        count\n      }\n      questionVotes {\n        questionId\n        upvoteCount\n      }\n    }\n  }\n": types.RoomConversationDocument,
    "\n  mutation React($roomId: ID!, $reaction: Reaction!) {\n    react(roomId: $roomId, reaction: $reaction)\n  }\n": types.ReactDocument,
    "\n  mutation UpdateRoomConversation($input: UpdateRoomConversationInput!) {\n    updateRoomConversation(input: $input) {\n      id\n      chatMode\n      chatSlowModeSeconds\n      screensQuestions\n      pinnedLinks {\n        ...PinnedLinkFields\n      }\n    }\n  }\n": types.UpdateRoomConversationDocument,
    "\n  subscription RoomEvents($roomId: ID!, $sinceVersion: Int) {\n    roomEvents(roomId: $roomId, sinceVersion: $sinceVersion) {\n      __typename\n      roomId\n      version\n      previousVersion\n      at\n      ... on ParticipantJoined {\n        participant {\n          ...ParticipantFields\n        }\n      }\n      ... on ParticipantLeft {\n        profileId\n      }\n      ... on AudienceChanged {\n        listenerCount\n        joined {\n          ...ParticipantFields\n        }\n        leftProfileIds\n      }\n      ... on HandRaised {\n        participant {\n          ...ParticipantFields\n        }\n      }\n      ... on HandLowered {\n        participant {\n          ...ParticipantFields\n        }\n      }\n      ... on StageInvitation {\n        participant {\n          ...ParticipantFields\n        }\n      }\n      ... on StageInvitationDeclined {\n        participant {\n          ...ParticipantFields\n        }\n      }\n      ... on RoleChanged {\n        participant {\n          ...ParticipantFields\n        }\n        previousRole\n      }\n      ... on ParticipantMuted {\n        participant {\n          ...ParticipantFields\n        }\n      }\n      ... on ParticipantUnmuted {\n        participant {\n          ...ParticipantFields\n        }\n      }\n      ... on ParticipantConnectionChanged {\n        participant {\n          ...ParticipantFields\n        }\n        connected\n      }\n      ... on ParticipantRemoved {\n        profileId\n        banned\n      }\n      ... on RoomStatusChanged {\n        status\n      }\n      ... on QuestionChanged {\n        questionId\n        question {\n          ...QuestionFields\n        }\n      }\n      ... on RoomConversationChanged {\n        screensQuestions\n        chatMode\n        chatSlowModeSeconds\n        pinnedLinks {\n          ...PinnedLinkFields\n        }\n      }\n    }\n  }\n": types.RoomEventsDocument,
    "\n  mutation DismissHand($roomId: ID!, $profileId: ID!) {\n    dismissHand(roomId: $roomId, profileId: $profileId) {\n      ...ParticipantFields\n    }\n  }\n": types.DismissHandDocument,
    "\n  mutation ReportAbuse($input: ReportAbuseInput!) {\n    reportAbuse(input: $input) {\n      id\n      status\n    }\n  }\n": types.ReportAbuseDocument,
    "\n  mutation Block($profileId: ID!) {\n    block(profileId: $profileId) {\n      ...ProfileFields\n    }\n  }\n": types.BlockDocument,
    "\n  mutation Unblock($profileId: ID!) {\n    unblock(profileId: $profileId) {\n      ...ProfileFields\n    }\n  }\n": types.UnblockDocument,
    "\n  fragment NoticeFields on ModerationNotice {\n    id\n    subject {\n      id\n      displayName\n    }\n    action\n    category\n    reason\n    createdAt\n    expiresAt\n    room {\n      id\n      title\n    }\n    appeal {\n      id\n      status\n      statement\n      createdAt\n      decidedAt\n      decisionNote\n    }\n  }\n": types.NoticeFieldsFragmentDoc,
    "\n  query ViewerNotices($after: String) {\n    viewerModerationNotices(first: 20, after: $after) {\n      edges {\n        node {\n          ...NoticeFields\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.ViewerNoticesDocument,
    "\n  mutation AppealDecision($input: AppealInput!) {\n    appealModerationDecision(input: $input) {\n      ...NoticeFields\n    }\n  }\n": types.AppealDecisionDocument,
    "\n  query ModerationQueue($status: ReportStatus, $after: String) {\n    moderationQueue(status: $status, first: 20, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          category\n          details\n          status\n          action\n          createdAt\n          resolvedAt\n          resolutionNote\n          distinctReporters\n          room {\n            id\n            title\n          }\n          reportedProfile {\n            ...ProfileSummary\n          }\n          evidence {\n            capturedAt\n            roomTitle\n            roomVersion\n            reporterRole\n            reportedRole\n            reportedHandQuestion\n            reportedJoinedAt\n            questionText\n            chatContext {\n              messageId\n              at\n              text\n              reported\n              deleted\n              author {\n                id\n                displayName\n              }\n            }\n            stage {\n              profileId\n              displayName\n              role\n              muted\n            }\n            recentEvents {\n              type\n              version\n              at\n              profileId\n              profile {\n                id\n                displayName\n              }\n            }\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.ModerationQueueDocument,
    "\n  mutation ResolveReport($input: ResolveReportInput!) {\n    resolveReport(input: $input) {\n      id\n      status\n      action\n      resolutionNote\n      resolvedAt\n    }\n  }\n": types.ResolveReportDocument,
    "\n  query ModerationAppeals($after: String) {\n    moderationAppeals(first: 20, after: $after) {\n      edges {\n        node {\n          ...NoticeFields\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.ModerationAppealsDocument,
    "\n  mutation ResolveAppeal($input: ResolveAppealInput!) {\n    resolveAppeal(input: $input) {\n      ...NoticeFields\n    }\n  }\n": types.ResolveAppealDocument,
    "\n  query ModerationLog($after: String) {\n    moderationLog(first: 20, after: $after) {\n      edges {\n        node {\n          id\n          action\n          at\n          note\n          reportIds\n          actor {\n            ...ProfileSummary\n          }\n          subject {\n            ...ProfileSummary\n          }\n          room {\n            id\n            title\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.ModerationLogDocument,
    "\n  query HasNotices {\n    viewerModerationNotices(first: 1) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n": types.HasNoticesDocument,
    "\n  fragment InsightGroupFields on InsightGroup {\n    label\n    listeners\n    share\n  }\n": types.InsightGroupFieldsFragmentDoc,
    "\n  query RoomInsights($id: ID!) {\n    room(id: $id) {\n      id\n      insights {\n        uniqueListeners\n        peakListeners\n        medianListenSeconds\n        byIndustry {\n          ...InsightGroupFields\n        }\n        bySeniority {\n          ...InsightGroupFields\n        }\n        timeline {\n          at\n          listeners\n        }\n        questionsAsked\n        questionsAnswered\n        chatMessages\n        reactions {\n          reaction\n          count\n        }\n        minimumGroupSize\n        computedAt\n        nextRefreshAt\n      }\n    }\n  }\n": types.RoomInsightsDocument,
    "\n  mutation SetFeedMode($mode: FeedMode!) {\n    setFeedMode(mode: $mode)\n  }\n": types.SetFeedModeDocument,
    "\n  fragment HiddenRecommendationFields on HiddenRecommendation {\n    kind\n    cursor\n    createdAt\n    room {\n      id\n      title\n    }\n    host {\n      id\n      displayName\n    }\n    topic {\n      slug\n      name\n    }\n  }\n": types.HiddenRecommendationFieldsFragmentDoc,
    "\n  mutation HideRecommendation($input: HideRecommendationInput!) {\n    hideRecommendation(input: $input) {\n      ...HiddenRecommendationFields\n    }\n  }\n": types.HideRecommendationDocument,
    "\n  mutation UnhideRecommendation($input: HideRecommendationInput!) {\n    unhideRecommendation(input: $input)\n  }\n": types.UnhideRecommendationDocument,
    "\n  query HiddenRecommendations($after: String) {\n    viewerHiddenRecommendations(first: 50, after: $after) {\n      ...HiddenRecommendationFields\n    }\n  }\n": types.HiddenRecommendationsDocument,
    "\n  query RankingTransparency {\n    rankingTransparency {\n      modelVersion\n      explanation\n      options\n      parameters {\n        name\n        description\n        importance\n      }\n    }\n  }\n": types.RankingTransparencyDocument,
    "\n  fragment RoomScheduleFields on Room {\n    id\n    status\n    scheduledFor\n    reminderCount\n    viewerWantsReminder\n    calendarUrl\n  }\n": types.RoomScheduleFieldsFragmentDoc,
    "\n  query RoomSchedule($id: ID!) {\n    room(id: $id) {\n      ...RoomScheduleFields\n    }\n  }\n": types.RoomScheduleDocument,
    "\n  mutation SetRoomReminder($roomId: ID!, $remind: Boolean!) {\n    setRoomReminder(roomId: $roomId, remind: $remind) {\n      ...RoomScheduleFields\n    }\n  }\n": types.SetRoomReminderDocument,
    "\n  mutation RescheduleRoom($roomId: ID!, $scheduledFor: DateTime!) {\n    rescheduleRoom(roomId: $roomId, scheduledFor: $scheduledFor) {\n      ...RoomScheduleFields\n    }\n  }\n": types.RescheduleRoomDocument,
    "\n  mutation CancelRoom($roomId: ID!) {\n    cancelRoom(roomId: $roomId) {\n      ...RoomScheduleFields\n    }\n  }\n": types.CancelRoomDocument,
    "\n  mutation SetFollowNotifications($profileId: ID!, $level: FollowNotifications!) {\n    setFollowNotifications(profileId: $profileId, level: $level) {\n      ...ProfileFields\n    }\n  }\n": types.SetFollowNotificationsDocument,
    "\n  fragment NotificationFields on Notification {\n    id\n    kind\n    count\n    createdAt\n    readAt\n    room {\n      id\n      title\n      status\n      scheduledFor\n    }\n    actor {\n      ...ProfileSummary\n    }\n  }\n": types.NotificationFieldsFragmentDoc,
    "\n  query ViewerNotifications($first: Int, $after: String) {\n    viewerNotifications(first: $first, after: $after) {\n      edges {\n        node {\n          ...NotificationFields\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      unreadCount\n    }\n  }\n": types.ViewerNotificationsDocument,
    "\n  query UnreadNotifications {\n    viewerNotifications(first: 1, unreadOnly: true) {\n      unreadCount\n    }\n  }\n": types.UnreadNotificationsDocument,
    "\n  mutation MarkNotificationsRead($upToId: ID!) {\n    markNotificationsRead(upToId: $upToId)\n  }\n": types.MarkNotificationsReadDocument,
    "\n  subscription ViewerNotificationAdded {\n    viewerNotificationAdded {\n      ...NotificationFields\n    }\n  }\n": types.ViewerNotificationAddedDocument,
    "\n  subscription ViewerModerationNoticeChanged {\n    viewerModerationNoticeChanged {\n      ...NoticeFields\n    }\n  }\n": types.ViewerModerationNoticeChangedDocument,
    "\n  query CalendarFeedUrl {\n    viewerCalendarFeedUrl\n  }\n": types.CalendarFeedUrlDocument,
    "\n  mutation RotateCalendarFeed {\n    rotateCalendarFeed\n  }\n": types.RotateCalendarFeedDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProfileSummary on Profile {\n    id\n    displayName\n    headline\n  }\n"): (typeof documents)["\n  fragment ProfileSummary on Profile {\n    id\n    displayName\n    headline\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ParticipantFields on Participant {\n    id\n    role\n    handRaisedAt\n    handRaiseQuestion\n    invitedToStageAt\n    muted\n    connected\n    joinedAt\n    profile {\n      ...ProfileSummary\n    }\n  }\n"): (typeof documents)["\n  fragment ParticipantFields on Participant {\n    id\n    role\n    handRaisedAt\n    handRaiseQuestion\n    invitedToStageAt\n    muted\n    connected\n    joinedAt\n    profile {\n      ...ProfileSummary\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RoomCardFields on Room {\n    id\n    title\n    status\n    visibility\n    scheduledFor\n    calendarUrl\n    startedAt\n    listenerCount\n    topics {\n      slug\n      name\n    }\n    host {\n      ...ProfileSummary\n    }\n    reminderCount\n    viewerWantsReminder\n  }\n"): (typeof documents)["\n  fragment RoomCardFields on Room {\n    id\n    title\n    status\n    visibility\n    scheduledFor\n    calendarUrl\n    startedAt\n    listenerCount\n    topics {\n      slug\n      name\n    }\n    host {\n      ...ProfileSummary\n    }\n    reminderCount\n    viewerWantsReminder\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AudioAccessFields on AudioAccess {\n    serverUrl\n    token\n    expiresAt\n    canPublish\n  }\n"): (typeof documents)["\n  fragment AudioAccessFields on AudioAccess {\n    serverUrl\n    token\n    expiresAt\n    canPublish\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProfileFields on Profile {\n    id\n    displayName\n    headline\n    company\n    industry\n    seniority\n    skills\n    interests {\n      slug\n      name\n    }\n    followerCount\n    followingCount\n    viewerFollows\n    viewerBlocks\n    viewerNotifications\n  }\n"): (typeof documents)["\n  fragment ProfileFields on Profile {\n    id\n    displayName\n    headline\n    company\n    industry\n    seniority\n    skills\n    interests {\n      slug\n      name\n    }\n    followerCount\n    followingCount\n    viewerFollows\n    viewerBlocks\n    viewerNotifications\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      ...ProfileSummary\n    }\n    viewerIsStaff\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer {\n      ...ProfileSummary\n    }\n    viewerIsStaff\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Home {\n    recommendedRooms(first: 10) {\n      modelVersion\n      mode\n      items {\n        score\n        reasons\n        room {\n          ...RoomCardFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Home {\n    recommendedRooms(first: 10) {\n      modelVersion\n      mode\n      items {\n        score\n        reasons\n        room {\n          ...RoomCardFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Rooms($filter: RoomFilter, $after: String) {\n    rooms(filter: $filter, first: 20, after: $after) {\n      edges {\n        cursor\n        node {\n          ...RoomCardFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Rooms($filter: RoomFilter, $after: String) {\n    rooms(filter: $filter, first: 20, after: $after) {\n      edges {\n        cursor\n        node {\n          ...RoomCardFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Topics {\n    topics {\n      slug\n      name\n    }\n  }\n"): (typeof documents)["\n  query Topics {\n    topics {\n      slug\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Room($id: ID!, $audienceFirst: Int!) {\n    room(id: $id) {\n      id\n      title\n      description\n      status\n      visibility\n      scheduledFor\n      calendarUrl\n      startedAt\n      endedAt\n      maxSpeakers\n      version\n      listenerCount\n      screensQuestions\n      chatMode\n      chatSlowModeSeconds\n      pinnedLinks {\n        ...PinnedLinkFields\n      }\n      topics {\n        slug\n        name\n      }\n      host {\n        ...ProfileSummary\n      }\n      stage {\n        ...ParticipantFields\n      }\n      audience(first: $audienceFirst) {\n        edges {\n          node {\n            ...ParticipantFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        totalCount\n      }\n      raisedHands {\n        ...ParticipantFields\n      }\n      viewerParticipant {\n        ...ParticipantFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query Room($id: ID!, $audienceFirst: Int!) {\n    room(id: $id) {\n      id\n      title\n      description\n      status\n      visibility\n      scheduledFor\n      calendarUrl\n      startedAt\n      endedAt\n      maxSpeakers\n      version\n      listenerCount\n      screensQuestions\n      chatMode\n      chatSlowModeSeconds\n      pinnedLinks {\n        ...PinnedLinkFields\n      }\n      topics {\n        slug\n        name\n      }\n      host {\n        ...ProfileSummary\n      }\n      stage {\n        ...ParticipantFields\n      }\n      audience(first: $audienceFirst) {\n        edges {\n          node {\n            ...ParticipantFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        totalCount\n      }\n      raisedHands {\n        ...ParticipantFields\n      }\n      viewerParticipant {\n        ...ParticipantFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Audience($id: ID!, $first: Int!, $after: String) {\n    room(id: $id) {\n      id\n      audience(first: $first, after: $after) {\n        edges {\n          node {\n            ...ParticipantFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        totalCount\n      }\n    }\n  }\n"): (typeof documents)["\n  query Audience($id: ID!, $first: Int!, $after: String) {\n    room(id: $id) {\n      id\n      audience(first: $first, after: $after) {\n        edges {\n          node {\n            ...ParticipantFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        totalCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProfilePage($id: ID!) {\n    profile(id: $id) {\n      ...ProfileFields\n    }\n  }\n"): (typeof documents)["\n  query ProfilePage($id: ID!) {\n    profile(id: $id) {\n      ...ProfileFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateViewerProfile($input: UpdateProfileInput!) {\n    updateViewerProfile(input: $input) {\n      ...ProfileFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateViewerProfile($input: UpdateProfileInput!) {\n    updateViewerProfile(input: $input) {\n      ...ProfileFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Follow($profileId: ID!) {\n    follow(profileId: $profileId) {\n      ...ProfileFields\n    }\n  }\n"): (typeof documents)["\n  mutation Follow($profileId: ID!) {\n    follow(profileId: $profileId) {\n      ...ProfileFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Unfollow($profileId: ID!) {\n    unfollow(profileId: $profileId) {\n      ...ProfileFields\n    }\n  }\n"): (typeof documents)["\n  mutation Unfollow($profileId: ID!) {\n    unfollow(profileId: $profileId) {\n      ...ProfileFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GroupStandingFields on Group {\n    id\n    name\n    description\n    memberCount\n    joinPolicy\n    viewerIsMember\n    viewerIsInvited\n    viewerMembership {\n      role\n    }\n    viewerJoinRequest {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  fragment GroupStandingFields on Group {\n    id\n    name\n    description\n    memberCount\n    joinPolicy\n    viewerIsMember\n    viewerIsInvited\n    viewerMembership {\n      role\n    }\n    viewerJoinRequest {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupPage($id: ID!) {\n    group(id: $id) {\n      ...GroupStandingFields\n      rooms {\n        ...RoomCardFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query GroupPage($id: ID!) {\n    group(id: $id) {\n      ...GroupStandingFields\n      rooms {\n        ...RoomCardFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupJoinRequests($id: ID!, $first: Int, $after: String) {\n    group(id: $id) {\n      id\n      joinRequests(first: $first, after: $after) {\n        edges {\n          node {\n            id\n            status\n            requestedAt\n            profile {\n              ...ProfileSummary\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query GroupJoinRequests($id: ID!, $first: Int, $after: String) {\n    group(id: $id) {\n      id\n      joinRequests(first: $first, after: $after) {\n        edges {\n          node {\n            id\n            status\n            requestedAt\n            profile {\n              ...ProfileSummary\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupDirectory($search: String, $first: Int, $after: String) {\n    groups(search: $search, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          name\n          description\n          memberCount\n          joinPolicy\n          viewerIsMember\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query GroupDirectory($search: String, $first: Int, $after: String) {\n    groups(search: $search, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          name\n          description\n          memberCount\n          joinPolicy\n          viewerIsMember\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestToJoinGroup($groupId: ID!) {\n    requestToJoinGroup(groupId: $groupId) {\n      ...GroupStandingFields\n    }\n  }\n"): (typeof documents)["\n  mutation RequestToJoinGroup($groupId: ID!) {\n    requestToJoinGroup(groupId: $groupId) {\n      ...GroupStandingFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveGroupJoinRequest($requestId: ID!) {\n    approveGroupJoinRequest(requestId: $requestId) {\n      id\n      status\n      group {\n        id\n        memberCount\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ApproveGroupJoinRequest($requestId: ID!) {\n    approveGroupJoinRequest(requestId: $requestId) {\n      id\n      status\n      group {\n        id\n        memberCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineGroupJoinRequest($requestId: ID!) {\n    declineGroupJoinRequest(requestId: $requestId) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation DeclineGroupJoinRequest($requestId: ID!) {\n    declineGroupJoinRequest(requestId: $requestId) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeaveGroup($groupId: ID!) {\n    leaveGroup(groupId: $groupId) {\n      ...GroupStandingFields\n    }\n  }\n"): (typeof documents)["\n  mutation LeaveGroup($groupId: ID!) {\n    leaveGroup(groupId: $groupId) {\n      ...GroupStandingFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteToGroup($groupId: ID!, $profileId: ID!) {\n    inviteToGroup(groupId: $groupId, profileId: $profileId) {\n      id\n      memberCount\n    }\n  }\n"): (typeof documents)["\n  mutation InviteToGroup($groupId: ID!, $profileId: ID!) {\n    inviteToGroup(groupId: $groupId, profileId: $profileId) {\n      id\n      memberCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ViewerGroups($first: Int, $after: String) {\n    viewerGroups(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          name\n          description\n          memberCount\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query ViewerGroups($first: Int, $after: String) {\n    viewerGroups(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          name\n          description\n          memberCount\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchProfiles($query: String!, $first: Int, $after: String) {\n    searchProfiles(query: $query, first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          displayName\n          headline\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query SearchProfiles($query: String!, $first: Int, $after: String) {\n    searchProfiles(query: $query, first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          displayName\n          headline\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation CreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation JoinGroup($groupId: ID!) {\n    joinGroup(groupId: $groupId) {\n      ...GroupStandingFields\n    }\n  }\n"): (typeof documents)["\n  mutation JoinGroup($groupId: ID!) {\n    joinGroup(groupId: $groupId) {\n      ...GroupStandingFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateRoom($input: CreateRoomInput!) {\n    createRoom(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateRoom($input: CreateRoomInput!) {\n    createRoom(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation JoinRoom($roomId: ID!) {\n    joinRoom(roomId: $roomId) {\n      participant {\n        ...ParticipantFields\n      }\n      audio {\n        ...AudioAccessFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation JoinRoom($roomId: ID!) {\n    joinRoom(roomId: $roomId) {\n      participant {\n        ...ParticipantFields\n      }\n      audio {\n        ...AudioAccessFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshAudio($roomId: ID!) {\n    refreshAudioAccess(roomId: $roomId) {\n      ...AudioAccessFields\n    }\n  }\n"): (typeof documents)["\n  mutation RefreshAudio($roomId: ID!) {\n    refreshAudioAccess(roomId: $roomId) {\n      ...AudioAccessFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeaveRoom($roomId: ID!) {\n    leaveRoom(roomId: $roomId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation LeaveRoom($roomId: ID!) {\n    leaveRoom(roomId: $roomId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartRoom($roomId: ID!) {\n    startRoom(roomId: $roomId) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation StartRoom($roomId: ID!) {\n    startRoom(roomId: $roomId) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndRoom($roomId: ID!) {\n    endRoom(roomId: $roomId) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation EndRoom($roomId: ID!) {\n    endRoom(roomId: $roomId) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RaiseHand($roomId: ID!, $question: String) {\n    raiseHand(roomId: $roomId, question: $question) {\n      ...ParticipantFields\n    }\n  }\n"): (typeof documents)["\n  mutation RaiseHand($roomId: ID!, $question: String) {\n    raiseHand(roomId: $roomId, question: $question) {\n      ...ParticipantFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LowerHand($roomId: ID!) {\n    lowerHand(roomId: $roomId) {\n      ...ParticipantFields\n    }\n  }\n"): (typeof documents)["\n  mutation LowerHand($roomId: ID!) {\n    lowerHand(roomId: $roomId) {\n      ...ParticipantFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvite($roomId: ID!) {\n    acceptStageInvite(roomId: $roomId) {\n      ...ParticipantFields\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvite($roomId: ID!) {\n    acceptStageInvite(roomId: $roomId) {\n      ...ParticipantFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineInvite($roomId: ID!) {\n    declineStageInvite(roomId: $roomId) {\n      ...ParticipantFields\n    }\n  }\n"): (typeof documents)["\n  mutation DeclineInvite($roomId: ID!) {\n    declineStageInvite(roomId: $roomId) {\n      ...ParticipantFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnmuteSelf($roomId: ID!) {\n    unmuteSelf(roomId: $roomId) {\n      ...ParticipantFields\n    }\n  }\n"): (typeof documents)["\n  mutation UnmuteSelf($roomId: ID!) {\n    unmuteSelf(roomId: $roomId) {\n      ...ParticipantFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteToStage($roomId: ID!, $profileId: ID!) {\n    inviteToStage(roomId: $roomId, profileId: $profileId) {\n      ...ParticipantFields\n    }\n  }\n"): (typeof documents)["\n  mutation InviteToStage($roomId: ID!, $profileId: ID!) {\n    inviteToStage(roomId: $roomId, profileId: $profileId) {\n      ...ParticipantFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveToAudience($roomId: ID!, $profileId: ID!) {\n    moveToAudience(roomId: $roomId, profileId: $profileId) {\n      ...ParticipantFields\n    }\n  }\n"): (typeof documents)["\n  mutation MoveToAudience($roomId: ID!, $profileId: ID!) {\n    moveToAudience(roomId: $roomId, profileId: $profileId) {\n      ...ParticipantFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Mute($roomId: ID!, $profileId: ID!) {\n    muteParticipant(roomId: $roomId, profileId: $profileId) {\n      ...ParticipantFields\n    }\n  }\n"): (typeof documents)["\n  mutation Mute($roomId: ID!, $profileId: ID!) {\n    muteParticipant(roomId: $roomId, profileId: $profileId) {\n      ...ParticipantFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetModerator($roomId: ID!, $profileId: ID!, $moderator: Boolean!) {\n    setModerator(roomId: $roomId, profileId: $profileId, moderator: $moderator) {\n      ...ParticipantFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetModerator($roomId: ID!, $profileId: ID!, $moderator: Boolean!) {\n    setModerator(roomId: $roomId, profileId: $profileId, moderator: $moderator) {\n      ...ParticipantFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Remove($roomId: ID!, $profileId: ID!, $ban: Boolean) {\n    removeParticipant(roomId: $roomId, profileId: $profileId, ban: $ban) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation Remove($roomId: ID!, $profileId: ID!, $ban: Boolean) {\n    removeParticipant(roomId: $roomId, profileId: $profileId, ban: $ban) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment QuestionFields on Question {\n    id\n    text\n    status\n    anonymous\n    askInPerson\n    upvoteCount\n    viewerHasUpvoted\n    createdAt\n    answeredAt\n    asker {\n      ...ProfileSummary\n    }\n    mergedQuestions {\n      id\n      text\n    }\n  }\n"): (typeof documents)["\n  fragment QuestionFields on Question {\n    id\n    text\n    status\n    anonymous\n    askInPerson\n    upvoteCount\n    viewerHasUpvoted\n    createdAt\n    answeredAt\n    asker {\n      ...ProfileSummary\n    }\n    mergedQuestions {\n      id\n      text\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RoomQuestions($id: ID!, $status: [QuestionStatus!], $order: QuestionOrder!, $first: Int!, $after: String) {\n    room(id: $id) {\n      id\n      version\n      screensQuestions\n      questions(status: $status, order: $order, first: $first, after: $after) {\n        edges {\n          node {\n            ...QuestionFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        totalCount\n      }\n    }\n  }\n"): (typeof documents)["\n  query RoomQuestions($id: ID!, $status: [QuestionStatus!], $order: QuestionOrder!, $first: Int!, $after: String) {\n    room(id: $id) {\n      id\n      version\n      screensQuestions\n      questions(status: $status, order: $order, first: $first, after: $after) {\n        edges {\n          node {\n            ...QuestionFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        totalCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AskQuestion($input: AskQuestionInput!) {\n    askQuestion(input: $input) {\n      ...QuestionFields\n    }\n  }\n"): (typeof documents)["\n  mutation AskQuestion($input: AskQuestionInput!) {\n    askQuestion(input: $input) {\n      ...QuestionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpvoteQuestion($questionId: ID!) {\n    upvoteQuestion(questionId: $questionId) {\n      ...QuestionFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpvoteQuestion($questionId: ID!) {\n    upvoteQuestion(questionId: $questionId) {\n      ...QuestionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveQuestionUpvote($questionId: ID!) {\n    removeQuestionUpvote(questionId: $questionId) {\n      ...QuestionFields\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveQuestionUpvote($questionId: ID!) {\n    removeQuestionUpvote(questionId: $questionId) {\n      ...QuestionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawQuestion($questionId: ID!) {\n    withdrawQuestion(questionId: $questionId) {\n      ...QuestionFields\n    }\n  }\n"): (typeof documents)["\n  mutation WithdrawQuestion($questionId: ID!) {\n    withdrawQuestion(questionId: $questionId) {\n      ...QuestionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScreenQuestion($questionId: ID!, $approve: Boolean!) {\n    screenQuestion(questionId: $questionId, approve: $approve) {\n      ...QuestionFields\n    }\n  }\n"): (typeof documents)["\n  mutation ScreenQuestion($questionId: ID!, $approve: Boolean!) {\n    screenQuestion(questionId: $questionId, approve: $approve) {\n      ...QuestionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AnswerQuestion($questionId: ID!, $inviteAsker: Boolean) {\n    answerQuestion(questionId: $questionId, inviteAsker: $inviteAsker) {\n      ...QuestionFields\n    }\n  }\n"): (typeof documents)["\n  mutation AnswerQuestion($questionId: ID!, $inviteAsker: Boolean) {\n    answerQuestion(questionId: $questionId, inviteAsker: $inviteAsker) {\n      ...QuestionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkQuestionAnswered($questionId: ID!) {\n    markQuestionAnswered(questionId: $questionId) {\n      ...QuestionFields\n    }\n  }\n"): (typeof documents)["\n  mutation MarkQuestionAnswered($questionId: ID!) {\n    markQuestionAnswered(questionId: $questionId) {\n      ...QuestionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DismissQuestion($questionId: ID!) {\n    dismissQuestion(questionId: $questionId) {\n      ...QuestionFields\n    }\n  }\n"): (typeof documents)["\n  mutation DismissQuestion($questionId: ID!) {\n    dismissQuestion(questionId: $questionId) {\n      ...QuestionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MergeQuestions($intoId: ID!, $questionIds: [ID!]!) {\n    mergeQuestions(intoId: $intoId, questionIds: $questionIds) {\n      ...QuestionFields\n    }\n  }\n"): (typeof documents)["\n  mutation MergeQuestions($intoId: ID!, $questionIds: [ID!]!) {\n    mergeQuestions(intoId: $intoId, questionIds: $questionIds) {\n      ...QuestionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetQuestionScreening($roomId: ID!, $screensQuestions: Boolean!) {\n    updateRoomConversation(input: { roomId: $roomId, screensQuestions: $screensQuestions }) {\n      id\n      screensQuestions\n    }\n  }\n"): (typeof documents)["\n  mutation SetQuestionScreening($roomId: ID!, $screensQuestions: Boolean!) {\n    updateRoomConversation(input: { roomId: $roomId, screensQuestions: $screensQuestions }) {\n      id\n      screensQuestions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PinnedLinkFields on PinnedLink {\n    url\n    title\n    pinnedAt\n    pinnedBy {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment PinnedLinkFields on PinnedLink {\n    url\n    title\n    pinnedAt\n    pinnedBy {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ChatMessageFields on ChatMessage {\n    id\n    text\n    deleted\n    createdAt\n    author {\n      ...ProfileSummary\n    }\n    mentions {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment ChatMessageFields on ChatMessage {\n    id\n    text\n    deleted\n    createdAt\n    author {\n      ...ProfileSummary\n    }\n    mentions {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RoomChat($id: ID!, $first: Int!, $after: String) {\n    room(id: $id) {\n      id\n      chatMessages(first: $first, after: $after) {\n        edges {\n          node {\n            ...ChatMessageFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RoomChat($id: ID!, $first: Int!, $after: String) {\n    room(id: $id) {\n      id\n      chatMessages(first: $first, after: $after) {\n        edges {\n          node {\n            ...ChatMessageFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendChatMessage($roomId: ID!, $text: String!) {\n    sendChatMessage(roomId: $roomId, text: $text) {\n      ...ChatMessageFields\n    }\n  }\n"): (typeof documents)["\n  mutation SendChatMessage($roomId: ID!, $text: String!) {\n    sendChatMessage(roomId: $roomId, text: $text) {\n      ...ChatMessageFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteChatMessage($messageId: ID!) {\n    deleteChatMessage(messageId: $messageId) {\n      ...ChatMessageFields\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteChatMessage($messageId: ID!) {\n    deleteChatMessage(messageId: $messageId) {\n      ...ChatMessageFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RoomConversation($roomId: ID!) {\n    roomConversation(roomId: $roomId) {\n      roomId\n      at\n      sampledOut\n      deletedMessageIds\n      messages {\n        ...ChatMessageFields\n      }\n      reactions {\n        reaction\n        count\n      }\n      questionVotes {\n        questionId\n        upvoteCount\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription RoomConversation($roomId: ID!) {\n    roomConversation(roomId: $roomId) {\n      roomId\n      at\n      sampledOut\n      deletedMessageIds\n      messages {\n        ...ChatMessageFields\n      }\n      reactions {\n        reaction\n        count\n      }\n      questionVotes {\n        questionId\n        upvoteCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation React($roomId: ID!, $reaction: Reaction!) {\n    react(roomId: $roomId, reaction: $reaction)\n  }\n"): (typeof documents)["\n  mutation React($roomId: ID!, $reaction: Reaction!) {\n    react(roomId: $roomId, reaction: $reaction)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateRoomConversation($input: UpdateRoomConversationInput!) {\n    updateRoomConversation(input: $input) {\n      id\n      chatMode\n      chatSlowModeSeconds\n      screensQuestions\n      pinnedLinks {\n        ...PinnedLinkFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateRoomConversation($input: UpdateRoomConversationInput!) {\n    updateRoomConversation(input: $input) {\n      id\n      chatMode\n      chatSlowModeSeconds\n      screensQuestions\n      pinnedLinks {\n        ...PinnedLinkFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RoomEvents($roomId: ID!, $sinceVersion: Int) {\n    roomEvents(roomId: $roomId, sinceVersion: $sinceVersion) {\n      __typename\n      roomId\n      version\n      previousVersion\n      at\n      ... on ParticipantJoined {\n        participant {\n          ...ParticipantFields\n        }\n      }\n      ... on ParticipantLeft {\n        profileId\n      }\n      ... on AudienceChanged {\n        listenerCount\n        joined {\n          ...ParticipantFields\n        }\n        leftProfileIds\n      }\n      ... on HandRaised {\n        participant {\n          ...ParticipantFields\n        }\n      }\n      ... on HandLowered {\n        participant {\n          ...ParticipantFields\n        }\n      }\n      ... on StageInvitation {\n        participant {\n          ...ParticipantFields\n        }\n      }\n      ... on StageInvitationDeclined {\n        participant {\n          ...ParticipantFields\n        }\n      }\n      ... on RoleChanged {\n        participant {\n          ...ParticipantFields\n        }\n        previousRole\n      }\n      ... on ParticipantMuted {\n        participant {\n          ...ParticipantFields\n        }\n      }\n      ... on ParticipantUnmuted {\n        participant {\n          ...ParticipantFields\n        }\n      }\n      ... on ParticipantConnectionChanged {\n        participant {\n          ...ParticipantFields\n        }\n        connected\n      }\n      ... on ParticipantRemoved {\n        profileId\n        banned\n      }\n      ... on RoomStatusChanged {\n        status\n      }\n      ... on QuestionChanged {\n        questionId\n        question {\n          ...QuestionFields\n        }\n      }\n      ... on RoomConversationChanged {\n        screensQuestions\n        chatMode\n        chatSlowModeSeconds\n        pinnedLinks {\n          ...PinnedLinkFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription RoomEvents($roomId: ID!, $sinceVersion: Int) {\n    roomEvents(roomId: $roomId, sinceVersion: $sinceVersion) {\n      __typename\n      roomId\n      version\n      previousVersion\n      at\n      ... on ParticipantJoined {\n        participant {\n          ...ParticipantFields\n        }\n      }\n      ... on ParticipantLeft {\n        profileId\n      }\n      ... on AudienceChanged {\n        listenerCount\n        joined {\n          ...ParticipantFields\n        }\n        leftProfileIds\n      }\n      ... on HandRaised {\n        participant {\n          ...ParticipantFields\n        }\n      }\n      ... on HandLowered {\n        participant {\n          ...ParticipantFields\n        }\n      }\n      ... on StageInvitation {\n        participant {\n          ...ParticipantFields\n        }\n      }\n      ... on StageInvitationDeclined {\n        participant {\n          ...ParticipantFields\n        }\n      }\n      ... on RoleChanged {\n        participant {\n          ...ParticipantFields\n        }\n        previousRole\n      }\n      ... on ParticipantMuted {\n        participant {\n          ...ParticipantFields\n        }\n      }\n      ... on ParticipantUnmuted {\n        participant {\n          ...ParticipantFields\n        }\n      }\n      ... on ParticipantConnectionChanged {\n        participant {\n          ...ParticipantFields\n        }\n        connected\n      }\n      ... on ParticipantRemoved {\n        profileId\n        banned\n      }\n      ... on RoomStatusChanged {\n        status\n      }\n      ... on QuestionChanged {\n        questionId\n        question {\n          ...QuestionFields\n        }\n      }\n      ... on RoomConversationChanged {\n        screensQuestions\n        chatMode\n        chatSlowModeSeconds\n        pinnedLinks {\n          ...PinnedLinkFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DismissHand($roomId: ID!, $profileId: ID!) {\n    dismissHand(roomId: $roomId, profileId: $profileId) {\n      ...ParticipantFields\n    }\n  }\n"): (typeof documents)["\n  mutation DismissHand($roomId: ID!, $profileId: ID!) {\n    dismissHand(roomId: $roomId, profileId: $profileId) {\n      ...ParticipantFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReportAbuse($input: ReportAbuseInput!) {\n    reportAbuse(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ReportAbuse($input: ReportAbuseInput!) {\n    reportAbuse(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Block($profileId: ID!) {\n    block(profileId: $profileId) {\n      ...ProfileFields\n    }\n  }\n"): (typeof documents)["\n  mutation Block($profileId: ID!) {\n    block(profileId: $profileId) {\n      ...ProfileFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Unblock($profileId: ID!) {\n    unblock(profileId: $profileId) {\n      ...ProfileFields\n    }\n  }\n"): (typeof documents)["\n  mutation Unblock($profileId: ID!) {\n    unblock(profileId: $profileId) {\n      ...ProfileFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NoticeFields on ModerationNotice {\n    id\n    subject {\n      id\n      displayName\n    }\n    action\n    category\n    reason\n    createdAt\n    expiresAt\n    room {\n      id\n      title\n    }\n    appeal {\n      id\n      status\n      statement\n      createdAt\n      decidedAt\n      decisionNote\n    }\n  }\n"): (typeof documents)["\n  fragment NoticeFields on ModerationNotice {\n    id\n    subject {\n      id\n      displayName\n    }\n    action\n    category\n    reason\n    createdAt\n    expiresAt\n    room {\n      id\n      title\n    }\n    appeal {\n      id\n      status\n      statement\n      createdAt\n      decidedAt\n      decisionNote\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ViewerNotices($after: String) {\n    viewerModerationNotices(first: 20, after: $after) {\n      edges {\n        node {\n          ...NoticeFields\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query ViewerNotices($after: String) {\n    viewerModerationNotices(first: 20, after: $after) {\n      edges {\n        node {\n          ...NoticeFields\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AppealDecision($input: AppealInput!) {\n    appealModerationDecision(input: $input) {\n      ...NoticeFields\n    }\n  }\n"): (typeof documents)["\n  mutation AppealDecision($input: AppealInput!) {\n    appealModerationDecision(input: $input) {\n      ...NoticeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ModerationQueue($status: ReportStatus, $after: String) {\n    moderationQueue(status: $status, first: 20, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          category\n          details\n          status\n          action\n          createdAt\n          resolvedAt\n          resolutionNote\n          distinctReporters\n          room {\n            id\n            title\n          }\n          reportedProfile {\n            ...ProfileSummary\n          }\n          evidence {\n            capturedAt\n            roomTitle\n            roomVersion\n            reporterRole\n            reportedRole\n            reportedHandQuestion\n            reportedJoinedAt\n            questionText\n            chatContext {\n              messageId\n              at\n              text\n              reported\n              deleted\n              author {\n                id\n                displayName\n              }\n            }\n            stage {\n              profileId\n              displayName\n              role\n              muted\n            }\n            recentEvents {\n              type\n              version\n              at\n              profileId\n              profile {\n                id\n                displayName\n              }\n            }\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query ModerationQueue($status: ReportStatus, $after: String) {\n    moderationQueue(status: $status, first: 20, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          category\n          details\n          status\n          action\n          createdAt\n          resolvedAt\n          resolutionNote\n          distinctReporters\n          room {\n            id\n            title\n          }\n          reportedProfile {\n            ...ProfileSummary\n          }\n          evidence {\n            capturedAt\n            roomTitle\n            roomVersion\n            reporterRole\n            reportedRole\n            reportedHandQuestion\n            reportedJoinedAt\n            questionText\n            chatContext {\n              messageId\n              at\n              text\n              reported\n              deleted\n              author {\n                id\n                displayName\n              }\n            }\n            stage {\n              profileId\n              displayName\n              role\n              muted\n            }\n            recentEvents {\n              type\n              version\n              at\n              profileId\n              profile {\n                id\n                displayName\n              }\n            }\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResolveReport($input: ResolveReportInput!) {\n    resolveReport(input: $input) {\n      id\n      status\n      action\n      resolutionNote\n      resolvedAt\n    }\n  }\n"): (typeof documents)["\n  mutation ResolveReport($input: ResolveReportInput!) {\n    resolveReport(input: $input) {\n      id\n      status\n      action\n      resolutionNote\n      resolvedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ModerationAppeals($after: String) {\n    moderationAppeals(first: 20, after: $after) {\n      edges {\n        node {\n          ...NoticeFields\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query ModerationAppeals($after: String) {\n    moderationAppeals(first: 20, after: $after) {\n      edges {\n        node {\n          ...NoticeFields\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResolveAppeal($input: ResolveAppealInput!) {\n    resolveAppeal(input: $input) {\n      ...NoticeFields\n    }\n  }\n"): (typeof documents)["\n  mutation ResolveAppeal($input: ResolveAppealInput!) {\n    resolveAppeal(input: $input) {\n      ...NoticeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ModerationLog($after: String) {\n    moderationLog(first: 20, after: $after) {\n      edges {\n        node {\n          id\n          action\n          at\n          note\n          reportIds\n          actor {\n            ...ProfileSummary\n          }\n          subject {\n            ...ProfileSummary\n          }\n          room {\n            id\n            title\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query ModerationLog($after: String) {\n    moderationLog(first: 20, after: $after) {\n      edges {\n        node {\n          id\n          action\n          at\n          note\n          reportIds\n          actor {\n            ...ProfileSummary\n          }\n          subject {\n            ...ProfileSummary\n          }\n          room {\n            id\n            title\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HasNotices {\n    viewerModerationNotices(first: 1) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query HasNotices {\n    viewerModerationNotices(first: 1) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InsightGroupFields on InsightGroup {\n    label\n    listeners\n    share\n  }\n"): (typeof documents)["\n  fragment InsightGroupFields on InsightGroup {\n    label\n    listeners\n    share\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RoomInsights($id: ID!) {\n    room(id: $id) {\n      id\n      insights {\n        uniqueListeners\n        peakListeners\n        medianListenSeconds\n        byIndustry {\n          ...InsightGroupFields\n        }\n        bySeniority {\n          ...InsightGroupFields\n        }\n        timeline {\n          at\n          listeners\n        }\n        questionsAsked\n        questionsAnswered\n        chatMessages\n        reactions {\n          reaction\n          count\n        }\n        minimumGroupSize\n        computedAt\n        nextRefreshAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query RoomInsights($id: ID!) {\n    room(id: $id) {\n      id\n      insights {\n        uniqueListeners\n        peakListeners\n        medianListenSeconds\n        byIndustry {\n          ...InsightGroupFields\n        }\n        bySeniority {\n          ...InsightGroupFields\n        }\n        timeline {\n          at\n          listeners\n        }\n        questionsAsked\n        questionsAnswered\n        chatMessages\n        reactions {\n          reaction\n          count\n        }\n        minimumGroupSize\n        computedAt\n        nextRefreshAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetFeedMode($mode: FeedMode!) {\n    setFeedMode(mode: $mode)\n  }\n"): (typeof documents)["\n  mutation SetFeedMode($mode: FeedMode!) {\n    setFeedMode(mode: $mode)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment HiddenRecommendationFields on HiddenRecommendation {\n    kind\n    cursor\n    createdAt\n    room {\n      id\n      title\n    }\n    host {\n      id\n      displayName\n    }\n    topic {\n      slug\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment HiddenRecommendationFields on HiddenRecommendation {\n    kind\n    cursor\n    createdAt\n    room {\n      id\n      title\n    }\n    host {\n      id\n      displayName\n    }\n    topic {\n      slug\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HideRecommendation($input: HideRecommendationInput!) {\n    hideRecommendation(input: $input) {\n      ...HiddenRecommendationFields\n    }\n  }\n"): (typeof documents)["\n  mutation HideRecommendation($input: HideRecommendationInput!) {\n    hideRecommendation(input: $input) {\n      ...HiddenRecommendationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnhideRecommendation($input: HideRecommendationInput!) {\n    unhideRecommendation(input: $input)\n  }\n"): (typeof documents)["\n  mutation UnhideRecommendation($input: HideRecommendationInput!) {\n    unhideRecommendation(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HiddenRecommendations($after: String) {\n    viewerHiddenRecommendations(first: 50, after: $after) {\n      ...HiddenRecommendationFields\n    }\n  }\n"): (typeof documents)["\n  query HiddenRecommendations($after: String) {\n    viewerHiddenRecommendations(first: 50, after: $after) {\n      ...HiddenRecommendationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RankingTransparency {\n    rankingTransparency {\n      modelVersion\n      explanation\n      options\n      parameters {\n        name\n        description\n        importance\n      }\n    }\n  }\n"): (typeof documents)["\n  query RankingTransparency {\n    rankingTransparency {\n      modelVersion\n      explanation\n      options\n      parameters {\n        name\n        description\n        importance\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RoomScheduleFields on Room {\n    id\n    status\n    scheduledFor\n    reminderCount\n    viewerWantsReminder\n    calendarUrl\n  }\n"): (typeof documents)["\n  fragment RoomScheduleFields on Room {\n    id\n    status\n    scheduledFor\n    reminderCount\n    viewerWantsReminder\n    calendarUrl\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RoomSchedule($id: ID!) {\n    room(id: $id) {\n      ...RoomScheduleFields\n    }\n  }\n"): (typeof documents)["\n  query RoomSchedule($id: ID!) {\n    room(id: $id) {\n      ...RoomScheduleFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetRoomReminder($roomId: ID!, $remind: Boolean!) {\n    setRoomReminder(roomId: $roomId, remind: $remind) {\n      ...RoomScheduleFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetRoomReminder($roomId: ID!, $remind: Boolean!) {\n    setRoomReminder(roomId: $roomId, remind: $remind) {\n      ...RoomScheduleFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RescheduleRoom($roomId: ID!, $scheduledFor: DateTime!) {\n    rescheduleRoom(roomId: $roomId, scheduledFor: $scheduledFor) {\n      ...RoomScheduleFields\n    }\n  }\n"): (typeof documents)["\n  mutation RescheduleRoom($roomId: ID!, $scheduledFor: DateTime!) {\n    rescheduleRoom(roomId: $roomId, scheduledFor: $scheduledFor) {\n      ...RoomScheduleFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelRoom($roomId: ID!) {\n    cancelRoom(roomId: $roomId) {\n      ...RoomScheduleFields\n    }\n  }\n"): (typeof documents)["\n  mutation CancelRoom($roomId: ID!) {\n    cancelRoom(roomId: $roomId) {\n      ...RoomScheduleFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetFollowNotifications($profileId: ID!, $level: FollowNotifications!) {\n    setFollowNotifications(profileId: $profileId, level: $level) {\n      ...ProfileFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetFollowNotifications($profileId: ID!, $level: FollowNotifications!) {\n    setFollowNotifications(profileId: $profileId, level: $level) {\n      ...ProfileFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NotificationFields on Notification {\n    id\n    kind\n    count\n    createdAt\n    readAt\n    room {\n      id\n      title\n      status\n      scheduledFor\n    }\n    actor {\n      ...ProfileSummary\n    }\n  }\n"): (typeof documents)["\n  fragment NotificationFields on Notification {\n    id\n    kind\n    count\n    createdAt\n    readAt\n    room {\n      id\n      title\n      status\n      scheduledFor\n    }\n    actor {\n      ...ProfileSummary\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ViewerNotifications($first: Int, $after: String) {\n    viewerNotifications(first: $first, after: $after) {\n      edges {\n        node {\n          ...NotificationFields\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      unreadCount\n    }\n  }\n"): (typeof documents)["\n  query ViewerNotifications($first: Int, $after: String) {\n    viewerNotifications(first: $first, after: $after) {\n      edges {\n        node {\n          ...NotificationFields\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      unreadCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnreadNotifications {\n    viewerNotifications(first: 1, unreadOnly: true) {\n      unreadCount\n    }\n  }\n"): (typeof documents)["\n  query UnreadNotifications {\n    viewerNotifications(first: 1, unreadOnly: true) {\n      unreadCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($upToId: ID!) {\n    markNotificationsRead(upToId: $upToId)\n  }\n"): (typeof documents)["\n  mutation MarkNotificationsRead($upToId: ID!) {\n    markNotificationsRead(upToId: $upToId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ViewerNotificationAdded {\n    viewerNotificationAdded {\n      ...NotificationFields\n    }\n  }\n"): (typeof documents)["\n  subscription ViewerNotificationAdded {\n    viewerNotificationAdded {\n      ...NotificationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ViewerModerationNoticeChanged {\n    viewerModerationNoticeChanged {\n      ...NoticeFields\n    }\n  }\n"): (typeof documents)["\n  subscription ViewerModerationNoticeChanged {\n    viewerModerationNoticeChanged {\n      ...NoticeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CalendarFeedUrl {\n    viewerCalendarFeedUrl\n  }\n"): (typeof documents)["\n  query CalendarFeedUrl {\n    viewerCalendarFeedUrl\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateCalendarFeed {\n    rotateCalendarFeed\n  }\n"): (typeof documents)["\n  mutation RotateCalendarFeed {\n    rotateCalendarFeed\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;