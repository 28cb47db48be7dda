import { graphql } from '../gql';

// Every operation this client sends, typed by GraphQL Code Generator (`npm run codegen`) against
// the served schema. Selections stay small: the API prices lists by page size.

export const AUDIENCE_PAGE = 50;

graphql(`
  fragment ProfileSummary on Profile {
    id
    displayName
    headline
  }
`);

graphql(`
  fragment ParticipantFields on Participant {
    id
    role
    handRaisedAt
    handRaiseQuestion
    invitedToStageAt
    muted
    connected
    joinedAt
    profile {
      ...ProfileSummary
    }
  }
`);

graphql(`
  fragment RoomCardFields on Room {
    id
    title
    status
    visibility
    scheduledFor
    calendarUrl
    startedAt
    listenerCount
    topics {
      slug
      name
    }
    host {
      ...ProfileSummary
    }
    reminderCount
    viewerWantsReminder
  }
`);

graphql(`
  fragment AudioAccessFields on AudioAccess {
    serverUrl
    token
    expiresAt
    canPublish
  }
`);

graphql(`
  fragment ProfileFields on Profile {
    id
    displayName
    headline
    company
    industry
    seniority
    skills
    interests {
      slug
      name
    }
    followerCount
    followingCount
    viewerFollows
    viewerBlocks
    viewerNotifications
  }
`);

export const VIEWER_QUERY = graphql(`
  query Viewer {
    viewer {
      ...ProfileSummary
    }
    viewerIsStaff
  }
`);

export const HOME_QUERY = graphql(`
  query Home {
    recommendedRooms(first: 10) {
      modelVersion
      mode
      items {
        score
        reasons
        room {
          ...RoomCardFields
        }
      }
    }
  }
`);

export const ROOMS_QUERY = graphql(`
  query Rooms($filter: RoomFilter, $after: String) {
    rooms(filter: $filter, first: 20, after: $after) {
      edges {
        cursor
        node {
          ...RoomCardFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const TOPICS_QUERY = graphql(`
  query Topics {
    topics {
      slug
      name
    }
  }
`);

export const ROOM_QUERY = graphql(`
  query Room($id: ID!, $audienceFirst: Int!) {
    room(id: $id) {
      id
      title
      description
      status
      visibility
      scheduledFor
      calendarUrl
      startedAt
      endedAt
      maxSpeakers
      version
      listenerCount
      screensQuestions
      chatMode
      chatSlowModeSeconds
      pinnedLinks {
        ...PinnedLinkFields
      }
      topics {
        slug
        name
      }
      host {
        ...ProfileSummary
      }
      stage {
        ...ParticipantFields
      }
      audience(first: $audienceFirst) {
        edges {
          node {
            ...ParticipantFields
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
        totalCount
      }
      raisedHands {
        ...ParticipantFields
      }
      viewerParticipant {
        ...ParticipantFields
      }
    }
  }
`);

export const AUDIENCE_QUERY = graphql(`
  query Audience($id: ID!, $first: Int!, $after: String) {
    room(id: $id) {
      id
      audience(first: $first, after: $after) {
        edges {
          node {
            ...ParticipantFields
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
        totalCount
      }
    }
  }
`);

export const PROFILE_QUERY = graphql(`
  query ProfilePage($id: ID!) {
    profile(id: $id) {
      ...ProfileFields
    }
  }
`);

export const UPDATE_PROFILE = graphql(`
  mutation UpdateViewerProfile($input: UpdateProfileInput!) {
    updateViewerProfile(input: $input) {
      ...ProfileFields
    }
  }
`);

export const FOLLOW = graphql(`
  mutation Follow($profileId: ID!) {
    follow(profileId: $profileId) {
      ...ProfileFields
    }
  }
`);

export const UNFOLLOW = graphql(`
  mutation Unfollow($profileId: ID!) {
    unfollow(profileId: $profileId) {
      ...ProfileFields
    }
  }
`);

graphql(`
  fragment GroupStandingFields on Group {
    id
    name
    description
    memberCount
    joinPolicy
    viewerIsMember
    viewerIsInvited
    viewerMembership {
      role
    }
    viewerJoinRequest {
      id
      status
    }
  }
`);

/** One group as the viewer stands with it, and the rooms they may see in it. */
export const GROUP_QUERY = graphql(`
  query GroupPage($id: ID!) {
    group(id: $id) {
      ...GroupStandingFields
      rooms {
        ...RoomCardFields
      }
    }
  }
`);

/** Pending join requests of a group (its admins only), oldest first. */
export const GROUP_JOIN_REQUESTS = graphql(`
  query GroupJoinRequests($id: ID!, $first: Int, $after: String) {
    group(id: $id) {
      id
      joinRequests(first: $first, after: $after) {
        edges {
          node {
            id
            status
            requestedAt
            profile {
              ...ProfileSummary
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

/** The group directory: OPEN and BY_REQUEST groups by name, optionally searched. */
export const GROUP_DIRECTORY = graphql(`
  query GroupDirectory($search: String, $first: Int, $after: String) {
    groups(search: $search, first: $first, after: $after) {
      edges {
        node {
          id
          name
          description
          memberCount
          joinPolicy
          viewerIsMember
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const REQUEST_TO_JOIN_GROUP = graphql(`
  mutation RequestToJoinGroup($groupId: ID!) {
    requestToJoinGroup(groupId: $groupId) {
      ...GroupStandingFields
    }
  }
`);

export const APPROVE_GROUP_JOIN_REQUEST = graphql(`
  mutation ApproveGroupJoinRequest($requestId: ID!) {
    approveGroupJoinRequest(requestId: $requestId) {
      id
      status
      group {
        id
        memberCount
      }
    }
  }
`);

export const DECLINE_GROUP_JOIN_REQUEST = graphql(`
  mutation DeclineGroupJoinRequest($requestId: ID!) {
    declineGroupJoinRequest(requestId: $requestId) {
      id
      status
    }
  }
`);

export const LEAVE_GROUP = graphql(`
  mutation LeaveGroup($groupId: ID!) {
    leaveGroup(groupId: $groupId) {
      ...GroupStandingFields
    }
  }
`);

export const INVITE_TO_GROUP = graphql(`
  mutation InviteToGroup($groupId: ID!, $profileId: ID!) {
    inviteToGroup(groupId: $groupId, profileId: $profileId) {
      id
      memberCount
    }
  }
`);

/** Groups the viewer belongs to, most recently joined first. */
export const VIEWER_GROUPS = graphql(`
  query ViewerGroups($first: Int, $after: String) {
    viewerGroups(first: $first, after: $after) {
      edges {
        node {
          id
          name
          description
          memberCount
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** People by display name or headline (2–100 characters), for the invitee picker. */
export const SEARCH_PROFILES = graphql(`
  query SearchProfiles($query: String!, $first: Int, $after: String) {
    searchProfiles(query: $query, first: $first, after: $after) {
      totalCount
      edges {
        node {
          id
          displayName
          headline
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const CREATE_GROUP = graphql(`
  mutation CreateGroup($input: CreateGroupInput!) {
    createGroup(input: $input) {
      id
      name
    }
  }
`);

export const JOIN_GROUP = graphql(`
  mutation JoinGroup($groupId: ID!) {
    joinGroup(groupId: $groupId) {
      ...GroupStandingFields
    }
  }
`);
export const CREATE_ROOM = graphql(`
  mutation CreateRoom($input: CreateRoomInput!) {
    createRoom(input: $input) {
      id
    }
  }
`);

export const JOIN_ROOM = graphql(`
  mutation JoinRoom($roomId: ID!) {
    joinRoom(roomId: $roomId) {
      participant {
        ...ParticipantFields
      }
      audio {
        ...AudioAccessFields
      }
    }
  }
`);

export const REFRESH_AUDIO = graphql(`
  mutation RefreshAudio($roomId: ID!) {
    refreshAudioAccess(roomId: $roomId) {
      ...AudioAccessFields
    }
  }
`);

export const LEAVE_ROOM = graphql(`
  mutation LeaveRoom($roomId: ID!) {
    leaveRoom(roomId: $roomId) {
      id
    }
  }
`);

export const START_ROOM = graphql(`
  mutation StartRoom($roomId: ID!) {
    startRoom(roomId: $roomId) {
      id
      status
    }
  }
`);

export const END_ROOM = graphql(`
  mutation EndRoom($roomId: ID!) {
    endRoom(roomId: $roomId) {
      id
      status
    }
  }
`);

export const RAISE_HAND = graphql(`
  mutation RaiseHand($roomId: ID!, $question: String) {
    raiseHand(roomId: $roomId, question: $question) {
      ...ParticipantFields
    }
  }
`);

export const LOWER_HAND = graphql(`
  mutation LowerHand($roomId: ID!) {
    lowerHand(roomId: $roomId) {
      ...ParticipantFields
    }
  }
`);

export const ACCEPT_INVITE = graphql(`
  mutation AcceptInvite($roomId: ID!) {
    acceptStageInvite(roomId: $roomId) {
      ...ParticipantFields
    }
  }
`);

export const DECLINE_INVITE = graphql(`
  mutation DeclineInvite($roomId: ID!) {
    declineStageInvite(roomId: $roomId) {
      ...ParticipantFields
    }
  }
`);

export const UNMUTE_SELF = graphql(`
  mutation UnmuteSelf($roomId: ID!) {
    unmuteSelf(roomId: $roomId) {
      ...ParticipantFields
    }
  }
`);

export const INVITE_TO_STAGE = graphql(`
  mutation InviteToStage($roomId: ID!, $profileId: ID!) {
    inviteToStage(roomId: $roomId, profileId: $profileId) {
      ...ParticipantFields
    }
  }
`);

export const MOVE_TO_AUDIENCE = graphql(`
  mutation MoveToAudience($roomId: ID!, $profileId: ID!) {
    moveToAudience(roomId: $roomId, profileId: $profileId) {
      ...ParticipantFields
    }
  }
`);

export const MUTE = graphql(`
  mutation Mute($roomId: ID!, $profileId: ID!) {
    muteParticipant(roomId: $roomId, profileId: $profileId) {
      ...ParticipantFields
    }
  }
`);

export const SET_MODERATOR = graphql(`
  mutation SetModerator($roomId: ID!, $profileId: ID!, $moderator: Boolean!) {
    setModerator(roomId: $roomId, profileId: $profileId, moderator: $moderator) {
      ...ParticipantFields
    }
  }
`);

export const REMOVE_PARTICIPANT = graphql(`
  mutation Remove($roomId: ID!, $profileId: ID!, $ban: Boolean) {
    removeParticipant(roomId: $roomId, profileId: $profileId, ban: $ban) {
      id
    }
  }
`);

/** Questions are read a page at a time (`Room.questions`), "Show more" appending the next. */
export const QUESTION_PAGE = 20;

// A question as every list and event shows it. Duplicates merged into it are named by their text
// only ("+2 similar"); their askers and votes already count on this one.
graphql(`
  fragment QuestionFields on Question {
    id
    text
    status
    anonymous
    askInPerson
    upvoteCount
    viewerHasUpvoted
    createdAt
    answeredAt
    asker {
      ...ProfileSummary
    }
    mergedQuestions {
      id
      text
    }
  }
`);

/**
 * One page of the room's questions. `version` is the room's version read with them: the live
 * events after it are the ones still to apply (see questions/question-list.ts).
 */
export const ROOM_QUESTIONS = graphql(`
  query RoomQuestions($id: ID!, $status: [QuestionStatus!], $order: QuestionOrder!, $first: Int!, $after: String) {
    room(id: $id) {
      id
      version
      screensQuestions
      questions(status: $status, order: $order, first: $first, after: $after) {
        edges {
          node {
            ...QuestionFields
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
        totalCount
      }
    }
  }
`);

export const ASK_QUESTION = graphql(`
  mutation AskQuestion($input: AskQuestionInput!) {
    askQuestion(input: $input) {
      ...QuestionFields
    }
  }
`);

export const UPVOTE_QUESTION = graphql(`
  mutation UpvoteQuestion($questionId: ID!) {
    upvoteQuestion(questionId: $questionId) {
      ...QuestionFields
    }
  }
`);

export const REMOVE_QUESTION_UPVOTE = graphql(`
  mutation RemoveQuestionUpvote($questionId: ID!) {
    removeQuestionUpvote(questionId: $questionId) {
      ...QuestionFields
    }
  }
`);

export const WITHDRAW_QUESTION = graphql(`
  mutation WithdrawQuestion($questionId: ID!) {
    withdrawQuestion(questionId: $questionId) {
      ...QuestionFields
    }
  }
`);

export const SCREEN_QUESTION = graphql(`
  mutation ScreenQuestion($questionId: ID!, $approve: Boolean!) {
    screenQuestion(questionId: $questionId, approve: $approve) {
      ...QuestionFields
    }
  }
`);

export const ANSWER_QUESTION = graphql(`
  mutation AnswerQuestion($questionId: ID!, $inviteAsker: Boolean) {
    answerQuestion(questionId: $questionId, inviteAsker: $inviteAsker) {
      ...QuestionFields
    }
  }
`);

export const MARK_QUESTION_ANSWERED = graphql(`
  mutation MarkQuestionAnswered($questionId: ID!) {
    markQuestionAnswered(questionId: $questionId) {
      ...QuestionFields
    }
  }
`);

export const DISMISS_QUESTION = graphql(`
  mutation DismissQuestion($questionId: ID!) {
    dismissQuestion(questionId: $questionId) {
      ...QuestionFields
    }
  }
`);

export const MERGE_QUESTIONS = graphql(`
  mutation MergeQuestions($intoId: ID!, $questionIds: [ID!]!) {
    mergeQuestions(intoId: $intoId, questionIds: $questionIds) {
      ...QuestionFields
    }
  }
`);

export const SET_QUESTION_SCREENING = graphql(`
  mutation SetQuestionScreening($roomId: ID!, $screensQuestions: Boolean!) {
    updateRoomConversation(input: { roomId: $roomId, screensQuestions: $screensQuestions }) {
      id
      screensQuestions
    }
  }
`);

// A pinned link as the room page shows it (only http and https are rendered as links).
graphql(`
  fragment PinnedLinkFields on PinnedLink {
    url
    title
    pinnedAt
    pinnedBy {
      id
      displayName
    }
  }
`);

/** Chat history is read a page at a time, newest first (`Room.chatMessages`), older pages on scroll up. */
export const CHAT_PAGE = 40;

// A chat message as the chat panel shows it. Mentions are named by id and display name, enough to
// find them in the text and to highlight the viewer.
graphql(`
  fragment ChatMessageFields on ChatMessage {
    id
    text
    deleted
    createdAt
    author {
      ...ProfileSummary
    }
    mentions {
      id
      displayName
    }
  }
`);

/** One page of the room's chat, newest first; `after` is the previous page's endCursor (older messages). */
export const ROOM_CHAT = graphql(`
  query RoomChat($id: ID!, $first: Int!, $after: String) {
    room(id: $id) {
      id
      chatMessages(first: $first, after: $after) {
        edges {
          node {
            ...ChatMessageFields
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

export const SEND_CHAT_MESSAGE = graphql(`
  mutation SendChatMessage($roomId: ID!, $text: String!) {
    sendChatMessage(roomId: $roomId, text: $text) {
      ...ChatMessageFields
    }
  }
`);

export const DELETE_CHAT_MESSAGE = graphql(`
  mutation DeleteChatMessage($messageId: ID!) {
    deleteChatMessage(messageId: $messageId) {
      ...ChatMessageFields
    }
  }
`);

/**
 * The room's conversation as ticks: at most one a second, none when nothing happened (lossy by
 * design; see conversation/use-conversation-ticks.ts).
 */
export const ROOM_CONVERSATION = graphql(`
  subscription RoomConversation($roomId: ID!) {
    roomConversation(roomId: $roomId) {
      roomId
      at
      sampledOut
      deletedMessageIds
      messages {
        ...ChatMessageFields
      }
      reactions {
        reaction
        count
      }
      questionVotes {
        questionId
        upvoteCount
      }
    }
  }
`);

/** Counted into the room's next tick; false when the server dropped it (over the person's rate), which is no error. */
export const REACT = graphql(`
  mutation React($roomId: ID!, $reaction: Reaction!) {
    react(roomId: $roomId, reaction: $reaction)
  }
`);

/** Host and moderators: chat mode, slow mode and pinned links (question screening has SET_QUESTION_SCREENING). */
export const UPDATE_ROOM_CONVERSATION = graphql(`
  mutation UpdateRoomConversation($input: UpdateRoomConversationInput!) {
    updateRoomConversation(input: $input) {
      id
      chatMode
      chatSlowModeSeconds
      screensQuestions
      pinnedLinks {
        ...PinnedLinkFields
      }
    }
  }
`);

// `__typename` makes the result a union over every RoomEvent implementation in the schema, so
// the reducer's switch is checked for exhaustiveness at compile time.
export const ROOM_EVENTS = graphql(`
  subscription RoomEvents($roomId: ID!, $sinceVersion: Int) {
    roomEvents(roomId: $roomId, sinceVersion: $sinceVersion) {
      __typename
      roomId
      version
      previousVersion
      at
      ... on ParticipantJoined {
        participant {
          ...ParticipantFields
        }
      }
      ... on ParticipantLeft {
        profileId
      }
      ... on AudienceChanged {
        listenerCount
        joined {
          ...ParticipantFields
        }
        leftProfileIds
      }
      ... on HandRaised {
        participant {
          ...ParticipantFields
        }
      }
      ... on HandLowered {
        participant {
          ...ParticipantFields
        }
      }
      ... on StageInvitation {
        participant {
          ...ParticipantFields
        }
      }
      ... on StageInvitationDeclined {
        participant {
          ...ParticipantFields
        }
      }
      ... on RoleChanged {
        participant {
          ...ParticipantFields
        }
        previousRole
      }
      ... on ParticipantMuted {
        participant {
          ...ParticipantFields
        }
      }
      ... on ParticipantUnmuted {
        participant {
          ...ParticipantFields
        }
      }
      ... on ParticipantConnectionChanged {
        participant {
          ...ParticipantFields
        }
        connected
      }
      ... on ParticipantRemoved {
        profileId
        banned
      }
      ... on RoomStatusChanged {
        status
      }
      ... on QuestionChanged {
        questionId
        question {
          ...QuestionFields
        }
      }
      ... on RoomConversationChanged {
        screensQuestions
        chatMode
        chatSlowModeSeconds
        pinnedLinks {
          ...PinnedLinkFields
        }
      }
    }
  }
`);

export const DISMISS_HAND = graphql(`
  mutation DismissHand($roomId: ID!, $profileId: ID!) {
    dismissHand(roomId: $roomId, profileId: $profileId) {
      ...ParticipantFields
    }
  }
`);

export const REPORT_ABUSE = graphql(`
  mutation ReportAbuse($input: ReportAbuseInput!) {
    reportAbuse(input: $input) {
      id
      status
    }
  }
`);

export const BLOCK = graphql(`
  mutation Block($profileId: ID!) {
    block(profileId: $profileId) {
      ...ProfileFields
    }
  }
`);

export const UNBLOCK = graphql(`
  mutation Unblock($profileId: ID!) {
    unblock(profileId: $profileId) {
      ...ProfileFields
    }
  }
`);

graphql(`
  fragment NoticeFields on ModerationNotice {
    id
    subject {
      id
      displayName
    }
    action
    category
    reason
    createdAt
    expiresAt
    room {
      id
      title
    }
    appeal {
      id
      status
      statement
      createdAt
      decidedAt
      decisionNote
    }
  }
`);

export const NOTICES_QUERY = graphql(`
  query ViewerNotices($after: String) {
    viewerModerationNotices(first: 20, after: $after) {
      edges {
        node {
          ...NoticeFields
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export const APPEAL_DECISION = graphql(`
  mutation AppealDecision($input: AppealInput!) {
    appealModerationDecision(input: $input) {
      ...NoticeFields
    }
  }
`);

export const MODERATION_QUEUE = graphql(`
  query ModerationQueue($status: ReportStatus, $after: String) {
    moderationQueue(status: $status, first: 20, after: $after) {
      totalCount
      edges {
        node {
          id
          category
          details
          status
          action
          createdAt
          resolvedAt
          resolutionNote
          distinctReporters
          room {
            id
            title
          }
          reportedProfile {
            ...ProfileSummary
          }
          evidence {
            capturedAt
            roomTitle
            roomVersion
            reporterRole
            reportedRole
            reportedHandQuestion
            reportedJoinedAt
            questionText
            chatContext {
              messageId
              at
              text
              reported
              deleted
              author {
                id
                displayName
              }
            }
            stage {
              profileId
              displayName
              role
              muted
            }
            recentEvents {
              type
              version
              at
              profileId
              profile {
                id
                displayName
              }
            }
          }
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export const RESOLVE_REPORT = graphql(`
  mutation ResolveReport($input: ResolveReportInput!) {
    resolveReport(input: $input) {
      id
      status
      action
      resolutionNote
      resolvedAt
    }
  }
`);

export const MODERATION_APPEALS = graphql(`
  query ModerationAppeals($after: String) {
    moderationAppeals(first: 20, after: $after) {
      edges {
        node {
          ...NoticeFields
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export const RESOLVE_APPEAL = graphql(`
  mutation ResolveAppeal($input: ResolveAppealInput!) {
    resolveAppeal(input: $input) {
      ...NoticeFields
    }
  }
`);

export const MODERATION_LOG = graphql(`
  query ModerationLog($after: String) {
    moderationLog(first: 20, after: $after) {
      edges {
        node {
          id
          action
          at
          note
          reportIds
          actor {
            ...ProfileSummary
          }
          subject {
            ...ProfileSummary
          }
          room {
            id
            title
          }
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export const HAS_NOTICES_QUERY = graphql(`
  query HasNotices {
    viewerModerationNotices(first: 1) {
      edges {
        node {
          id
        }
      }
    }
  }
`);

graphql(`
  fragment InsightGroupFields on InsightGroup {
    label
    listeners
    share
  }
`);

/** Host insights (issue 19): null unless the viewer hosts or moderates the room. */
export const ROOM_INSIGHTS = graphql(`
  query RoomInsights($id: ID!) {
    room(id: $id) {
      id
      insights {
        uniqueListeners
        peakListeners
        medianListenSeconds
        byIndustry {
          ...InsightGroupFields
        }
        bySeniority {
          ...InsightGroupFields
        }
        timeline {
          at
          listeners
        }
        questionsAsked
        questionsAnswered
        chatMessages
        reactions {
          reaction
          count
        }
        minimumGroupSize
        computedAt
        nextRefreshAt
      }
    }
  }
`);

// ---------------------------------------------------------------- recommendation controls (issue 19)

export const SET_FEED_MODE_MUTATION = graphql(`
  mutation SetFeedMode($mode: FeedMode!) {
    setFeedMode(mode: $mode)
  }
`);

graphql(`
  fragment HiddenRecommendationFields on HiddenRecommendation {
    kind
    cursor
    createdAt
    room {
      id
      title
    }
    host {
      id
      displayName
    }
    topic {
      slug
      name
    }
  }
`);

export const HIDE_RECOMMENDATION_MUTATION = graphql(`
  mutation HideRecommendation($input: HideRecommendationInput!) {
    hideRecommendation(input: $input) {
      ...HiddenRecommendationFields
    }
  }
`);

export const UNHIDE_RECOMMENDATION_MUTATION = graphql(`
  mutation UnhideRecommendation($input: HideRecommendationInput!) {
    unhideRecommendation(input: $input)
  }
`);

export const HIDDEN_RECOMMENDATIONS_QUERY = graphql(`
  query HiddenRecommendations($after: String) {
    viewerHiddenRecommendations(first: 50, after: $after) {
      ...HiddenRecommendationFields
    }
  }
`);

export const RANKING_TRANSPARENCY_QUERY = graphql(`
  query RankingTransparency {
    rankingTransparency {
      modelVersion
      explanation
      options
      parameters {
        name
        description
        importance
      }
    }
  }
`);

// ---------------------------------------------------------------- reminders, notifications, calendars (issue 18)

/** A scheduled room's reminder and calendar state, for its room page. */
graphql(`
  fragment RoomScheduleFields on Room {
    id
    status
    scheduledFor
    reminderCount
    viewerWantsReminder
    calendarUrl
  }
`);

export const ROOM_SCHEDULE_QUERY = graphql(`
  query RoomSchedule($id: ID!) {
    room(id: $id) {
      ...RoomScheduleFields
    }
  }
`);

export const SET_ROOM_REMINDER = graphql(`
  mutation SetRoomReminder($roomId: ID!, $remind: Boolean!) {
    setRoomReminder(roomId: $roomId, remind: $remind) {
      ...RoomScheduleFields
    }
  }
`);

export const RESCHEDULE_ROOM = graphql(`
  mutation RescheduleRoom($roomId: ID!, $scheduledFor: DateTime!) {
    rescheduleRoom(roomId: $roomId, scheduledFor: $scheduledFor) {
      ...RoomScheduleFields
    }
  }
`);

export const CANCEL_ROOM = graphql(`
  mutation CancelRoom($roomId: ID!) {
    cancelRoom(roomId: $roomId) {
      ...RoomScheduleFields
    }
  }
`);

export const SET_FOLLOW_NOTIFICATIONS = graphql(`
  mutation SetFollowNotifications($profileId: ID!, $level: FollowNotifications!) {
    setFollowNotifications(profileId: $profileId, level: $level) {
      ...ProfileFields
    }
  }
`);

graphql(`
  fragment NotificationFields on Notification {
    id
    kind
    count
    createdAt
    readAt
    room {
      id
      title
      status
      scheduledFor
    }
    actor {
      ...ProfileSummary
    }
  }
`);

/** The notifications page size. */
export const NOTIFICATION_PAGE = 20;

export const NOTIFICATIONS_QUERY = graphql(`
  query ViewerNotifications($first: Int, $after: String) {
    viewerNotifications(first: $first, after: $after) {
      edges {
        node {
          ...NotificationFields
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
      unreadCount
    }
  }
`);

/** The header's bell: only the unread count. */
export const UNREAD_NOTIFICATIONS_QUERY = graphql(`
  query UnreadNotifications {
    viewerNotifications(first: 1, unreadOnly: true) {
      unreadCount
    }
  }
`);

export const MARK_NOTIFICATIONS_READ = graphql(`
  mutation MarkNotificationsRead($upToId: ID!) {
    markNotificationsRead(upToId: $upToId)
  }
`);

export const NOTIFICATION_ADDED = graphql(`
  subscription ViewerNotificationAdded {
    viewerNotificationAdded {
      ...NotificationFields
    }
  }
`);

/** The viewer's moderation notices as they are created or change (an appeal filed or decided), issue 18. */
export const MODERATION_NOTICE_CHANGED = graphql(`
  subscription ViewerModerationNoticeChanged {
    viewerModerationNoticeChanged {
      ...NoticeFields
    }
  }
`);

export const CALENDAR_FEED_URL_QUERY = graphql(`
  query CalendarFeedUrl {
    viewerCalendarFeedUrl
  }
`);

export const ROTATE_CALENDAR_FEED = graphql(`
  mutation RotateCalendarFeed {
    rotateCalendarFeed
  }
`);
